package dev.rekindle.filter;

import java.util.Arrays;
import java.util.List;

/**
 * A piece of SQL with its bound parameters in the order of their {@code ?} marks. Operator text only ever
 * travels in {@link #params()}.
 */
public record SqlFragment(String sql, List<Object> params) {

    public SqlFragment {
        params = List.copyOf(params);
    }

    public static SqlFragment of(String sql, Object... params) {
        return new SqlFragment(sql, Arrays.asList(params));
    }

    public Object[] paramArray() {
        return params.toArray();
    }
}
