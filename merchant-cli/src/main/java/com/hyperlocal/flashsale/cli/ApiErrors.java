package com.hyperlocal.flashsale.cli;

import com.hyperlocal.flashsale.client.ApiException;

/** How a failed server call reads in the terminal, and which documented exit code it gives. */
public final class ApiErrors {

    private ApiErrors() {}

    public static int exitCode(ApiException e) {
        if (e instanceof ApiException.HttpError) {
            int status = e.status();
            if (status == 401) {
                return ExitCodes.UNAUTHORIZED;
            }
            if (status == 404) {
                return ExitCodes.NOT_FOUND;
            }
            if (status >= 400 && status < 500) {
                return ExitCodes.REJECTED;
            }
        }
        return ExitCodes.UNAVAILABLE; // unreachable, 5xx, an answer we cannot use or trust
    }

    /** One line for the merchant, with what to check where that helps. */
    public static String message(ApiException e) {
        if (e instanceof ApiException.Unreachable) {
            return e.getMessage() + "; is it running? Check --server, FLASHDEAL_SERVER or `flashdeal config show`";
        }
        if (!(e instanceof ApiException.HttpError)) {
            return e.getMessage();
        }
        ApiException.HttpError h = (ApiException.HttpError) e;
        StringBuilder m = new StringBuilder();
        if (h.status() == 401) {
            m.append("not authorised (401): ").append(h.said()).append("; check the API key (`flashdeal config show`)");
        } else if (h.status() >= 500) {
            m.append("the server failed (").append(h.status()).append("): ").append(h.said());
        } else {
            m.append(h.said()).append(" (").append(h.status()).append(')');
        }
        h.retryAfter()
                .ifPresent(d -> m.append("; retry after ").append(d.toSeconds()).append(" s"));
        return m.toString();
    }

    /** The server refused this one request for its content (not the key, not the load). */
    public static boolean rejectsOnlyThisRequest(ApiException e) {
        int s = e.status();
        return e instanceof ApiException.HttpError
                && s >= 400
                && s < 500
                && s != 401
                && s != 403
                && s != 408
                && s != 429;
    }
}
