package dev.rekindle.shell;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.ExitStatus;
import org.springframework.shell.core.command.adapter.MethodInvokerCommandAdapter;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.shell.core.command.annotation.support.CommandFactoryBean;
import org.springframework.shell.core.command.availability.AvailabilityProvider;
import org.springframework.shell.core.command.completion.CompletionProvider;
import org.springframework.util.StringUtils;

/**
 * A {@code @Command} method as Spring Shell 4.0.1 would register it, except that its bean (and everything the
 * bean needs: the database, the plugins, FreeMarker…) is created when the command first runs, not when the
 * registry is built. Name, group, options and help come from the annotations alone, so {@code help} and
 * completion list every command without creating any of them. Running it hands over to the adapter Spring
 * Shell's own {@link CommandFactoryBean} makes, so conversion, validation and availability behave as before.
 */
final class DeferredCommand extends MethodInvokerCommandAdapter {

    private final Method method;
    private final ApplicationContext context;
    private final Command annotation;
    private volatile MethodInvokerCommandAdapter created;

    DeferredCommand(Method method, Command annotation, ApplicationContext context) {
        // no target, conversion service or validator yet: execute() goes to the adapter made on first use
        super(nameOf(method, annotation), annotation.description().isEmpty() ? "N/A" : annotation.description(),
                groupOf(method, annotation), annotation.help(), annotation.hidden(), method, null, null, null);
        this.method = method;
        this.context = context;
        this.annotation = annotation;
        setAliases(Arrays.asList(annotation.alias()));
        setOptions(optionsOf(method));
    }

    static DeferredCommand of(Method method, ApplicationContext context) {
        return new DeferredCommand(method, AnnotatedElementUtils.findMergedAnnotation(method, Command.class), context);
    }

    Method method() {
        return method;
    }

    @Override
    public ExitStatus execute(CommandContext commandContext) throws Exception {
        return adapter().execute(commandContext);
    }

    @Override
    public AvailabilityProvider getAvailabilityProvider() {
        return annotation.availabilityProvider().isEmpty() ? super.getAvailabilityProvider() : adapter().getAvailabilityProvider();
    }

    @Override
    public CompletionProvider getCompletionProvider() {
        return annotation.completionProvider().isEmpty() ? super.getCompletionProvider() : adapter().getCompletionProvider();
    }

    private MethodInvokerCommandAdapter adapter() {
        MethodInvokerCommandAdapter a = created;
        if (a == null) {
            synchronized (this) {
                if (created == null) {
                    CommandFactoryBean factory = new CommandFactoryBean(method);
                    factory.setApplicationContext(context);
                    created = (MethodInvokerCommandAdapter) factory.getObject();
                }
                a = created;
            }
        }
        return a;
    }

    // The three rules below are Spring Shell 4.0.1's (CommandFactoryBean, Utils), written out because its
    // Utils class builds a Bean Validation factory when first touched, which is what this class avoids.

    static String nameOf(Method method, Command annotation) {
        String name = String.join(" ", annotation.name());
        return name.isEmpty() ? unCamelify(method.getName()) : name;
    }

    private static String groupOf(Method method, Command annotation) {
        if (!annotation.group().isEmpty()) {
            return annotation.group();
        }
        String words = StringUtils.arrayToDelimitedString(method.getDeclaringClass().getSimpleName()
                .split("(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])"), " ");
        return words.endsWith(" Commands") ? words : words + " Commands";
    }

    private static String unCamelify(String original) {
        StringBuilder result = new StringBuilder(original.length());
        boolean wasLowercase = false;
        for (char ch : original.toCharArray()) {
            if (Character.isUpperCase(ch) && wasLowercase) {
                result.append('-');
            }
            wasLowercase = Character.isLowerCase(ch);
            result.append(Character.toLowerCase(ch));
        }
        return result.toString();
    }

    private static List<CommandOption> optionsOf(Method method) {
        List<CommandOption> options = new ArrayList<>();
        for (Parameter p : method.getParameters()) {
            Option o = p.getAnnotation(Option.class);
            if (o != null) {
                options.add(CommandOption.with().shortName(o.shortName())
                        .longName(o.longName().isEmpty() ? p.getName() : o.longName())
                        .description(o.description()).required(o.required()).defaultValue(o.defaultValue())
                        .type(p.getType()).build());
            }
        }
        return options;
    }
}
