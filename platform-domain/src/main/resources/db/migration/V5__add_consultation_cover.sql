-- An optional cover image shown at the top of a consultation.
ALTER TABLE consultations ADD COLUMN cover_image_id BIGINT;
ALTER TABLE consultations ADD CONSTRAINT fk_consultations_cover FOREIGN KEY (cover_image_id) REFERENCES images (id);
