package org.agora.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.agora.shared.Role;

/**
 * An endpoint only these roles may ever call, checked before its body is read (by {@link StaffFeature}): a resident
 * asking for a staff action is refused (403, with the message of {@link #refusal()}) rather than told what their body
 * lacks (400). The district and the item's state remain the domain's to check afterwards.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Staff {

    Role[] value();

    /** The message key of the refusal (a key of the domain's, as its own check would give). */
    String refusal();
}
