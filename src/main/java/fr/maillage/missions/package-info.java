/**
 * The CPTS's contract (ACI): the missions signed with their amounts, deadlines and payments, the
 * CPTS's own missions and action sheets, the indicators it is judged on (computed from the other
 * modules through {@link fr.maillage.missions.IndicatorSource}, or entered with a proof), monthly
 * snapshots of their values and the variable part they earn; budgets per mission with the
 * accountant's FEC; the annual report of the dialogue de gestion and the projet de santé. Modules
 * contribute (indicators, team roster, budget actuals, association facts); this one never reads
 * their tables.
 */
@ApplicationModule(allowedDependencies = {"shared", "platform", "audit", "accounts", "reference", "cpts", "directory"})
@NullMarked
package fr.maillage.missions;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
