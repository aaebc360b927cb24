package eu.lexbridge.backend.rest.api;

import eu.lexbridge.backend.rest.auth.AuthenticatedBackend;
import eu.lexbridge.backend.rest.view.ApiLinks;
import eu.lexbridge.backend.rest.view.LookupView;
import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.port.AuthorityDirectory;
import eu.lexbridge.core.port.PartnerDirectory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Looks up the competent authority as a submission by competence would: the same query, the same answer, before
 * anything is sent.
 */
@RestController
@RequestMapping(value = DirectoryController.AUTHORITIES, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "directory")
@SecurityRequirement(name = OpenApiDocumentation.BEARER)
public class DirectoryController {

    public static final String AUTHORITIES = ApiLinks.DIRECTORY + "/authorities";
    private static final int MAX_CRITERIA = 16;

    private final AuthorityDirectory directory;
    private final PartnerDirectory partners;

    public DirectoryController(AuthorityDirectory directory, PartnerDirectory partners) {
        this.directory = directory;
        this.partners = partners;
    }

    @GetMapping
    @Operation(summary = "Find the authorities competent for an instrument, role and place (or an authority id)",
            description = "Each match says why it matched and whether its party is a partner of this connector. "
                    + "A submission whose metadata names this query as its recipient goes to the match when there is "
                    + "exactly one.")
    @ApiResponse(responseCode = "200", description = "the lookup; no match is an empty list, not an error")
    @ApiResponse(responseCode = "400", description = "a value that is not one (LB-1002)")
    public LookupView find(@Parameter(hidden = true) AuthenticatedBackend backend,
                           @Parameter(example = "EIO") @RequestParam(required = false) String instrument,
                           @Parameter(example = "executing") @RequestParam(required = false) String role,
                           @RequestParam(required = false) String authorityId,
                           @Parameter(example = "DE") @RequestParam(required = false) String country,
                           @Parameter(example = "DE-BE") @RequestParam(required = false) String region,
                           @Parameter(example = "10115") @RequestParam(required = false) String postalCode,
                           @RequestParam(required = false) String area,
                           @Parameter(example = "de") @RequestParam(required = false) String language,
                           @Parameter(description = "a criterion as name:value, repeated, e.g. measure:interception")
                           @RequestParam(required = false) List<String> criterion) {
        Map<String, String> criteria = new LinkedHashMap<>();
        if (criterion != null) {
            if (criterion.size() > MAX_CRITERIA) {
                throw new ConnectorException(ErrorCode.INVALID_FIELD, "criterion", "at most " + MAX_CRITERIA
                        + " criteria");
            }
            for (String pair : criterion) {
                int colon = pair.indexOf(':');
                if (colon < 1) {
                    throw new ConnectorException(ErrorCode.INVALID_FIELD, "criterion",
                            "a criterion is name:value, e.g. measure:interception");
                }
                if (criteria.put(pair.substring(0, colon), pair.substring(colon + 1)) != null) {
                    throw new ConnectorException(ErrorCode.INVALID_FIELD, "criterion", "criterion "
                            + pair.substring(0, colon) + " is given twice");
                }
            }
        }
        var query = new RecipientMetadata(instrument, role, authorityId, country, region, postalCode, area, language,
                criteria).query();
        return LookupView.of(directory.find(query), partyId -> partners.byPartyId(partyId).isPresent());
    }
}
