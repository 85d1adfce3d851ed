-- The audit log is append-only: H2 runs org.agora.moderation.AuditLogGuard before every UPDATE and DELETE of a row,
-- which refuses it (the same rule as the PostgreSQL trigger of this version).
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW CALL 'org.agora.moderation.AuditLogGuard';
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW CALL 'org.agora.moderation.AuditLogGuard';
