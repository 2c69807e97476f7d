package dev.rekindle.shell;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.utils.Utils;
import org.springframework.stereotype.Component;

/**
 * The annotated method behind each command, keyed by command name, recorded as the command beans are
 * created. Spring Shell 4.0.1 builds its commands from the same {@code @Command} methods but does not say
 * which method a command runs (4.0.3 adds {@code Command.getArguments()}); help, completion and the checks
 * of positional arguments need the method's {@code @Argument}s, so they read them here.
 *
 * <p>Names follow Spring Shell's own rule ({@code CommandFactoryBean}): the words of {@code name} joined
 * by a space, or the method name un-camel-cased when {@code name} is empty.
 */
@Component
class CommandMethods implements BeanPostProcessor {

    private final Map<String, Method> byName = new ConcurrentHashMap<>();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        Class<?> type = AopUtils.getTargetClass(bean);
        if (type.getName().startsWith("dev.rekindle.")) { // Spring Shell's scan covers the application's package only
            MethodIntrospector.selectMethods(type, (MethodIntrospector.MetadataLookup<Command>) m ->
                    AnnotatedElementUtils.findMergedAnnotation(m, Command.class))
                    .forEach((method, command) -> byName.put(nameOf(method, command), method));
        }
        return bean;
    }

    /** The method a command runs; empty for Spring Shell's built-in commands (clear, version, script…). */
    Optional<Method> find(String commandName) {
        return Optional.ofNullable(byName.get(commandName));
    }

    static String nameOf(Method method, Command command) {
        String name = String.join(" ", command.name());
        return name.isEmpty() ? Utils.unCamelify(method.getName()) : name;
    }
}
