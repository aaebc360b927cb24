package eu.lexbridge.backend.rest.api;

import eu.lexbridge.backend.rest.view.ApiLinks;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The OpenAPI description of the back-end API: its title, how a back-end authenticates, and what every error answer
 * is. The controllers' annotations say only which statuses an operation answers and why.
 */
public final class OpenApiDocumentation {

    /** The security scheme the operations refer to. */
    public static final String BEARER = "bearer";
    /** The 404 of every operation on one message. */
    public static final String NO_SUCH_MESSAGE = "no such message for this back-end (another back-end's message "
            + "answers the same)";

    private static final String NOT_AUTHENTICATED = "no valid bearer token nor a back-end's client certificate, or a "
            + "token and a certificate of two back-ends (LB-1200)";
    private static final String PROBLEM = "application/problem+json";
    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

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

    /**
     * Every error answer of the API is a problem ({@code application/problem+json}), and every operation may answer
     * 401: said once here rather than on each response of each operation.
     */
    public static void describeProblems(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        ModelConverters.getInstance().read(ProblemDocument.class).forEach(openApi.getComponents()::addSchemas);
        openApi.getPaths().forEach((path, item) -> {
            if (!path.startsWith(ApiLinks.ROOT)) {
                return;
            }
            item.readOperations().forEach(operation -> {
                if (operation.getResponses() == null) {
                    operation.setResponses(new ApiResponses());
                }
                operation.getResponses().putIfAbsent("401", new ApiResponse().description(NOT_AUTHENTICATED));
                operation.getResponses().forEach((status, response) -> {
                    // springdoc gives every response the operation's own body type; an error never has it
                    if (status.matches("[45][0-9][0-9]") && response.get$ref() == null) {
                        response.setContent(new Content().addMediaType(PROBLEM, new MediaType()
                                .schema(new Schema<>().$ref(PROBLEM_SCHEMA))));
                    }
                });
            });
        });
    }

    private static SecurityScheme bearerScheme() {
        return new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("The back-end's token; the connector keeps only its SHA-256 "
                        + "(lexbridge.rest.backends.<name>.token-sha256).");
    }
}
