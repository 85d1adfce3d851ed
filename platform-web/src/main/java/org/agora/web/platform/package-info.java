/**
 * The Faces kit every page uses, and what the web edge shares.
 * <ul>
 * <li>An action runs through {@link org.agora.web.platform.FacesActions}: a refusal of the domain becomes a
 * translated message next to its field ({@link org.agora.web.platform.FacesFeedback}) and the page stays.</li>
 * <li>An id in an address is read by the {@code agora.id} converter ({@link org.agora.web.platform.IdConverter});
 * a page whose address names nothing answers 404 ({@code <o:viewParamValidationFailed sendError="404"/>}).</li>
 * <li>View state: a view- or session-scoped bean is {@code Serializable} and so is every field it keeps, because
 * the session moves between instances. Injected beans are never {@code transient}: they are normal-scoped, injected
 * as serializable proxies, and CDI does not inject again after deserialization, so a transient service would be
 * null on the next instance. {@code transient} marks only what the bean reads again when it finds it null (an
 * entity, which is not Serializable, or a list of them) and a file uploaded with the current request.
 * {@code ViewStateTest} checks the rule on every bean.</li>
 * </ul>
 */
package org.agora.web.platform;
