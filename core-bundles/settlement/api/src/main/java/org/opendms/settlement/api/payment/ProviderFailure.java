package org.opendms.settlement.api.payment;

/**
 * A provider could not be asked or refused: the platform records the code and message and changes nothing.
 * <p>
 * Codes the platform knows: {@code signature} (a notification or answer whose signature does not verify: not from the
 * provider), {@code malformed} (not the provider's format), {@code unreachable} (network, timeout, 5xx),
 * {@code refused} (the provider answered with an error; the message is its own).
 */
public class ProviderFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public static final String SIGNATURE = "signature";
    public static final String MALFORMED = "malformed";
    public static final String UNREACHABLE = "unreachable";
    public static final String REFUSED = "refused";

    private final String code;

    public ProviderFailure(String code, String message) {
        super(message);
        this.code = code;
    }

    public ProviderFailure(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
