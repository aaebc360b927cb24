package eu.lexbridge.core.record;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why a transmission went outside the system: the causes Regulation (EU) 2023/1543 Art 19(5) lists (and Rec 85, Art 7(2)
 * and Art 24 add), each with the code an API or command line names it by.
 */
public enum TransmissionReason {
    /** The decentralised IT system is disrupted (Art 19(5)). */
    SYSTEM_DISRUPTED("system-disrupted", "the system is disrupted (Art 19(5))"),
    /** The nature of the material (Art 19(5)). */
    NATURE_OF_MATERIAL("nature-of-material", "the nature of the material (Art 19(5))"),
    /** Technical limits such as the size of the data (Art 19(5), Rec 85). */
    DATA_SIZE("data-size", "technical limits such as the size of the data (Art 19(5))"),
    /** Legal constraints on the admissibility of the data as evidence, or forensic requirements (Art 19(5)). */
    FORENSIC_REQUIREMENTS("forensic-requirements",
            "admissibility as evidence or forensic requirements (Art 19(5))"),
    /** Exceptional circumstances (Art 19(5)). */
    EXCEPTIONAL_CIRCUMSTANCES("exceptional-circumstances", "exceptional circumstances (Art 19(5))"),
    /** An emergency addressed to an establishment that is not connected (Art 7(2), Rec 85). */
    RECIPIENT_NOT_CONNECTED("recipient-not-connected",
            "an emergency addressee not connected to the system (Art 7(2), Rec 85)"),
    /** The transition period before the system is in use (Art 24). */
    TRANSITION_PERIOD("transition-period", "the transition period (Art 24)");

    private final String code;
    private final String description;

    TransmissionReason(String code, String description) {
        this.code = code;
        this.description = description;
    }

    public String code() {
        return code;
    }

    /** The cause in words, with its article. */
    public String description() {
        return description;
    }

    public static Optional<TransmissionReason> of(String code) {
        return Arrays.stream(values()).filter(reason -> reason.code.equals(code)).findFirst();
    }
}
