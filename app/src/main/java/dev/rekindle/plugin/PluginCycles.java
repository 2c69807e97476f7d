package dev.rekindle.plugin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pf4j.PluginDependency;
import org.pf4j.PluginWrapper;

/** Cycles among plugin dependencies (a → b → a), each once, so the plugins in them can be named. */
final class PluginCycles {

    private PluginCycles() {
    }

    static List<List<String>> find(Collection<PluginWrapper> plugins) {
        Map<String, List<String>> edges = new HashMap<>();
        for (PluginWrapper p : plugins) {
            List<String> deps = new ArrayList<>();
            for (PluginDependency d : p.getDescriptor().getDependencies()) deps.add(d.getPluginId());
            edges.put(p.getPluginId(), deps);
        }
        List<List<String>> cycles = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (String start : edges.keySet()) {
            walk(start, edges, new ArrayList<>(), new HashSet<>(), done, cycles);
        }
        return cycles;
    }

    private static void walk(String id, Map<String, List<String>> edges, List<String> path, Set<String> onPath,
            Set<String> done, List<List<String>> cycles) {
        if (done.contains(id) || !edges.containsKey(id)) return;
        if (onPath.contains(id)) {
            cycles.add(List.copyOf(path.subList(path.indexOf(id), path.size())));
            return;
        }
        path.add(id);
        onPath.add(id);
        for (String next : edges.get(id)) walk(next, edges, path, onPath, done, cycles);
        onPath.remove(id);
        path.remove(path.size() - 1);
        done.add(id);
    }
}
