package ftp.core.internal.user;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void hashIsRecognizedAndMatches() {
        String hash = hasher.hash("s3cret-p\u00e4ss".toCharArray());
        assertTrue(PasswordHasher.isHash(hash), hash);
        assertTrue(hash.startsWith("$2y$"), hash);
        assertTrue(PasswordHasher.matches(hash, "s3cret-p\u00e4ss".toCharArray()));
    }

    @Test
    void wrongPasswordDoesNotMatch() {
        String hash = hasher.hash("right".toCharArray());
        assertFalse(PasswordHasher.matches(hash, "wrong".toCharArray()));
        assertFalse(PasswordHasher.matches(hash, "Right".toCharArray()));
        assertFalse(PasswordHasher.matches(hash, "".toCharArray()));
    }

    @Test
    void samePasswordHashesDifferentlyEachTime() {
        String first = hasher.hash("pw".toCharArray());
        String second = hasher.hash("pw".toCharArray());
        assertNotEquals(first, second, "a fresh salt every time");
        assertTrue(PasswordHasher.matches(second, "pw".toCharArray()));
    }

    @ParameterizedTest
    @ValueSource(strings = { "password", "", "$2y$10$tooShort", "{bcrypt}something",
            "$1$abcdefgh$0123456789012345678901" })
    void plainStringsAreNotHashes(String value) {
        assertFalse(PasswordHasher.isHash(value));
    }

    @Test
    void randomPasswordIsSixteenLettersAndDigits() {
        String first = hasher.randomPassword();
        String second = hasher.randomPassword();
        assertTrue(first.matches("[A-Za-z0-9]{16}"), first);
        assertTrue(second.matches("[A-Za-z0-9]{16}"), second);
        assertNotEquals(first, second);
    }
}
