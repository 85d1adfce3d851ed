package org.agora.web.platform;

import java.util.Map;
import java.util.function.Supplier;
import org.agora.shared.DomainException;

/**
 * Runs a page's action and shows its refusal: when a rule of the domain refuses it, the translated message lands
 * next to the field at fault inside {@code formId} (or at the top of the page, see {@link FacesFeedback#refused})
 * and the page stays as it is; any other failure is not a refusal and goes on to the error page.
 * <pre>{@code
 * public String save() {
 *     return FacesActions.run("district", () -> {
 *         District saved = territory.createDistrict(currentUser.actor(), draft());
 *         FacesFeedback.done("territory.district.saved", saved.getName());
 *         return "/territory/admin/districts?faces-redirect=true";
 *     });
 * }
 * }</pre>
 */
public final class FacesActions {

    /** Where a refusal is shown: the page being rendered, or what a test looks at. */
    @FunctionalInterface
    interface Refusals {
        void show(String formId, DomainException refusal, Map<String, String> inputs);
    }

    private static final Refusals ON_PAGE = FacesFeedback::refused;

    private FacesActions() {
    }

    /** An action that ends with an outcome (where to go next); null, to stay on the page, when it was refused. */
    public static String run(String formId, Supplier<String> action) {
        return run(ON_PAGE, formId, Map.of(), action);
    }

    /**
     * The same when some inputs are not named like the domain's fields: {@code inputs} gives the input id for such
     * a field (the domain's {@code end} of a period is the form's {@code closesAt}).
     */
    public static String run(String formId, Map<String, String> inputs, Supplier<String> action) {
        return run(ON_PAGE, formId, inputs, action);
    }

    /** An action that leaves the page in place (an Ajax update); whether it went through rather than being refused. */
    public static boolean runInPlace(String formId, Runnable action) {
        return runInPlace(ON_PAGE, formId, Map.of(), action);
    }

    /** The same with inputs not named like the domain's fields, as for {@link #run(String, Map, Supplier)}. */
    public static boolean runInPlace(String formId, Map<String, String> inputs, Runnable action) {
        return runInPlace(ON_PAGE, formId, inputs, action);
    }

    static String run(Refusals refusals, String formId, Map<String, String> inputs, Supplier<String> action) {
        try {
            return action.get();
        } catch (DomainException refusal) {
            refusals.show(formId, refusal, inputs);
            return null;
        }
    }

    static boolean runInPlace(Refusals refusals, String formId, Map<String, String> inputs, Runnable action) {
        try {
            action.run();
            return true;
        } catch (DomainException refusal) {
            refusals.show(formId, refusal, inputs);
            return false;
        }
    }
}
