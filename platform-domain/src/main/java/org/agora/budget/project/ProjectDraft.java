package org.agora.budget.project;

import java.math.BigDecimal;

/**
 * What a resident types when submitting or editing a project: its title, description, envelope, address and
 * optional map point, estimated cost in whole currency units, and optional theme. Checked by {@link BudgetProject}.
 */
public record ProjectDraft(String title, String description, Long envelopeId, String address, BigDecimal latitude,
                           BigDecimal longitude, Long estimatedCost, Long themeId) {
}
