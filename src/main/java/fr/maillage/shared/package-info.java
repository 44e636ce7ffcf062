/**
 * Value types used everywhere: identifiers with their checks (SIRET, INSEE code), French text
 * normalisation. Nothing else.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package fr.maillage.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
