package io.github.ghaoidc.core.internal;

import java.io.PrintStream;

import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * Writes GitHub Actions {@code ::add-mask::} workflow commands so the runner hides the credentials in job
 * logs. This is the only place a secret is ever written, to the stream the user chose, by explicit opt-in.
 */
public final class MaskEmitter {

    private final PrintStream out;

    public MaskEmitter(PrintStream out) {
        this.out = out;
    }

    public void mask(AwsSessionCredentials credentials) {
        synchronized (out) {
            out.println("::add-mask::" + credentials.accessKeyId());
            out.println("::add-mask::" + credentials.secretAccessKey());
            out.println("::add-mask::" + credentials.sessionToken());
            out.flush();
        }
    }
}
