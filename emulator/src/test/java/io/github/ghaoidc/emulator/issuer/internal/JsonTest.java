package io.github.ghaoidc.emulator.issuer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Json.bytes streams what the issuer serves; the bytes must be exactly those a default ObjectMapper writes. */
class JsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static Map<String, Object> claims() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sub", "repo:octo-org/app:environment:Production:V1");
        m.put("escapes", "quote \" backslash \\ slash / tab \t newline \n nul \u0000 del \u007f");
        m.put("unicode", "é ü 漢字 😀 \u2028 \u2029");
        m.put("exp", 1_767_225_600L);
        m.put("count", 1);
        m.put("ratio", 0.5);
        m.put("big", new BigDecimal("12345678901234567890.000100"));
        m.put("huge", new BigInteger("123456789012345678901234567890"));
        m.put("yes", true);
        m.put("absent", null);
        m.put("empty", Map.of());
        m.put("aud", List.of("sts.amazonaws.com", "https://github.com/octo-org"));
        m.put("set", new LinkedHashSet<>(List.of("b", "a")));
        m.put("nested", Map.of("keys", List.of(Map.of("kty", "RSA"), new ArrayList<>())));
        return m;
    }

    @Test
    void issuerValuesAreWrittenExactlyAsTheMapperWritesThem() throws Exception {
        Map<String, Object> value = claims();

        // byte for byte what the mapper's writeValueAsBytes gave (it escapes astral characters as surrogate pairs)
        assertThat(new String(Json.bytes(value), "UTF-8")).isEqualTo(new String(MAPPER.writeValueAsBytes(value), "UTF-8"));
    }

    @Test
    void mapsKeepTheirIterationOrder() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("z", 1);
        value.put("a", 2);

        assertThat(new String(Json.bytes(value))).isEqualTo("{\"z\":1,\"a\":2}");
    }

    @Test
    void scalarsAndNullAreWrittenOnTheirOwn() throws Exception {
        for (Object value : Arrays.asList("x\"y", 7L, false, null, List.of())) {
            assertThat(Json.bytes(value)).isEqualTo(MAPPER.writeValueAsBytes(value));
        }
    }

    @Test
    void otherValuesGoToTheMapperWithTheSameResult() throws Exception {
        Map<Object, Object> integerKeys = new LinkedHashMap<>();
        integerKeys.put(1, "one");
        List<Object> values = List.of(1.5f, new char[] {'a', 'b'}, integerKeys, Map.of("short", (short) 3),
                List.of(new String[] {"x"}), new Point(1, 2));

        for (Object value : values) {
            assertThat(Json.bytes(value)).as(value.getClass().getSimpleName()).isEqualTo(MAPPER.writeValueAsBytes(value));
        }
    }

    record Point(int x, int y) {
    }
}
