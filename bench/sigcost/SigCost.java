import java.security.*;
import java.security.spec.*;

/** Per-operation cost of RS256 verification (a shopper token) and ES256 signing (a voucher) on this JVM. */
public class SigCost {
    public static void main(String[] a) throws Exception {
        byte[] msg = new byte[600];
        new SecureRandom().nextBytes(msg);
        KeyPairGenerator rg = KeyPairGenerator.getInstance("RSA"); rg.initialize(2048);
        KeyPair rsa = rg.generateKeyPair();
        Signature rs = Signature.getInstance("SHA256withRSA"); rs.initSign(rsa.getPrivate()); rs.update(msg);
        byte[] rsig = rs.sign();
        KeyPairGenerator eg = KeyPairGenerator.getInstance("EC"); eg.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair ec = eg.generateKeyPair();
        for (int round = 0; round < 3; round++) {
            int n = 20000;
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                Signature v = Signature.getInstance("SHA256withRSA"); v.initVerify(rsa.getPublic()); v.update(msg);
                if (!v.verify(rsig)) throw new AssertionError();
            }
            long t1 = System.nanoTime();
            int m = 5000;
            for (int i = 0; i < m; i++) {
                Signature s = Signature.getInstance("SHA256withECDSAinP1363Format"); s.initSign(ec.getPrivate()); s.update(msg);
                s.sign();
            }
            long t2 = System.nanoTime();
            System.out.printf("round %d: RS256 verify %.3f ms, ES256 sign %.3f ms%n", round + 1,
                    (t1 - t0) / 1e6 / n, (t2 - t1) / 1e6 / m);
        }
    }
}
