package eu.lexbridge.backend.rest.auth;

import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Hands the authenticated back-end to controller methods. Fails closed: a request that did not pass the filter (a
 * mapping outside its URL pattern, say) is refused rather than served anonymously.
 */
public final class AuthenticatedBackendArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == AuthenticatedBackend.class;
    }

    @Override
    public AuthenticatedBackend resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                                NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        Object backend = webRequest.getAttribute(AuthenticatedBackend.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (backend instanceof AuthenticatedBackend authenticated) {
            return authenticated;
        }
        throw new ConnectorException(ErrorCode.NOT_AUTHENTICATED, null, "the back-end is not authenticated");
    }
}
