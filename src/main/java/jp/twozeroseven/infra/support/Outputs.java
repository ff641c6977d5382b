package jp.twozeroseven.infra.support;

import com.pulumi.core.Output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a map of outputs into one output of a map, keeping the keys, for readable stack outputs. */
public final class Outputs {

    private Outputs() {
    }

    public static Output<Map<String, String>> map(Map<String, Output<String>> outputs) {
        List<String> keys = new ArrayList<>(outputs.keySet());
        return Output.all(keys.stream().map(outputs::get).toList()).applyValue(values -> {
            Map<String, String> out = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                out.put(keys.get(i), values.get(i));
            }
            return out;
        });
    }
}
