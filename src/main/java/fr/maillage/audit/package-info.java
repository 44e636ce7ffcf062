/**
 * The append-only audit log: who did what, when, from where; its views and exports. Changes are
 * recorded in the transaction of the change, reads of personal data in a short transaction of
 * their own before the data is returned.
 */
@ApplicationModule(allowedDependencies = {"shared", "platform"})
@NullMarked
package fr.maillage.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
