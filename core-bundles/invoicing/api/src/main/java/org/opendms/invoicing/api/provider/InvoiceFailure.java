package org.opendms.invoicing.api.provider;

/**
 * The provider could not be asked ({@code unreachable}: network, timeout, 5xx) or refused ({@code refused}, with its
 * own message); the platform changes nothing and tells the cashier.
 */
public class InvoiceFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public static final String UNREACHABLE = "unreachable";
    public static final String REFUSED = "refused";

    private final String code;

    public InvoiceFailure(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
