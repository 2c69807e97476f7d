package dev.rekindle.shell;

import java.util.List;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.shell.core.command.AbstractCommand;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ExitStatus;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * The command registry, in place of Spring Shell 4.0.1's (which backs off when this bean exists). Spring
 * Shell's scans the class path at every start and creates every command's bean, so {@code rekindle help}
 * opened the database and started the plugins; this one reads the {@code @Command} methods from the types of
 * the bean definitions already known, and registers each as a {@link DeferredCommand}. A one-shot command
 * then creates only its own bean and what that needs.
 */
@Configuration(proxyBeanMethods = false)
class CommandCatalog {

    @Bean
    CommandRegistry commandRegistry(ConfigurableApplicationContext context) {
        CommandRegistry registry = new CommandRegistry();
        // commands declared as beans (Spring Shell's built-ins such as clear), as Spring Shell registers them
        context.getBeansOfType(Command.class).values().forEach(registry::registerCommand);
        BeanFactory beans = context.getBeanFactory();
        List<String> packages = AutoConfigurationPackages.get(beans);
        for (String name : context.getBeanDefinitionNames()) {
            Class<?> type = context.getBeanFactory().getType(name, false); // false: creates no factory bean
            if (type == null || packages.stream().noneMatch(p -> type.getName().startsWith(p + "."))) {
                continue;
            }
            MethodIntrospector.selectMethods(ClassUtils.getUserClass(type), (ReflectionUtils.MethodFilter) m ->
                            AnnotatedElementUtils.hasAnnotation(m, org.springframework.shell.core.command.annotation.Command.class))
                    .forEach(m -> registry.registerCommand(DeferredCommand.of(m, context)));
        }
        registry.registerCommand(QUIT);
        return registry;
    }

    /** Spring Shell's "quit" (Utils.QUIT_COMMAND), without loading Utils: see DeferredCommand. */
    private static final Command QUIT = new AbstractCommand("quit", "Exit the shell", "Built-In Commands") {
        @Override
        public List<String> getAliases() {
            return List.of("exit");
        }

        @Override
        public ExitStatus doExecute(CommandContext commandContext) {
            return ExitStatus.OK;
        }
    };
}
