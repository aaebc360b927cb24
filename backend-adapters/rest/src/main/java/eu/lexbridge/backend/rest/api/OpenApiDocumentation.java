package eu.lexbridge.backend.rest.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The OpenAPI description of the back-end API: its title and how a back-end authenticates. */
public final class OpenApiDocumentation {

    /** The security scheme the operations refer to. */
    public static final String BEARER = "bearer";

    private OpenApiDocumentation() {
    }

    public static OpenAPI openApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("LexBridge back-end API")
                        .version("v1")
                        .description("How a national case-management system submits e-CODEX messages, collects "
                                + "received ones and follows their evidences. Errors are RFC 9457 problems whose "
                                + "type is https://lexbridge.eu/problems/<code>.")
                        .license(new License().name("EUPL-1.2")))
                .components(new Components().addSecuritySchemes(BEARER, bearerScheme()));
    }

    /** Added to an application's own OpenAPI description when it has one. */
    public static void addBearerScheme(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        if (openApi.getComponents().getSecuritySchemes() == null
                || !openApi.getComponents().getSecuritySchemes().containsKey(BEARER)) {
            openApi.getComponents().addSecuritySchemes(BEARER, bearerScheme());
        }
    }

    private static SecurityScheme bearerScheme() {
        return new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("The back-end's token; the connector keeps only its SHA-256 "
                        + "(lexbridge.rest.backends.<name>.token-sha256).");
    }
}
