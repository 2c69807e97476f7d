package dev.rekindle.template;

import dev.rekindle.i18n.Tr;
import dev.rekindle.console.UserException;
import freemarker.core.InvalidReferenceException;
import freemarker.core.ParseException;
import freemarker.template.TemplateException;

/**
 * A template that cannot be rendered: the message names the file, the line and what is wrong, so the
 * operator can fix it without reading a stack trace.
 */
public class TemplateProblem extends UserException {

    private final String template;
    private final Integer line;

    public TemplateProblem(String template, Integer line, String message) {
        super(line == null ? Tr.f("templates/%s: %s", template, message) : Tr.f("templates/%s line %d: %s", template, line, message));
        this.template = template;
        this.line = line;
    }

    public String template() {
        return template;
    }

    public Integer line() {
        return line;
    }

    static TemplateProblem of(String fallbackName, TemplateException e) {
        String name = e.getTemplateSourceName() != null ? e.getTemplateSourceName() : fallbackName;
        if (e instanceof InvalidReferenceException) {
            return new TemplateProblem(name, e.getLineNumber(), Tr.f("variable '%s' is not defined (see the template data model in docs/operator/campaigns.md)",
                    e.getBlamedExpressionString()));
        }
        String msg = e.getMessageWithoutStackTop();
        int tip = msg.indexOf("\n----");
        msg = (tip > 0 ? msg.substring(0, tip) : msg).strip().replace('\n', ' ');
        return new TemplateProblem(name, e.getLineNumber(), msg);
    }

    static TemplateProblem of(String fallbackName, ParseException e) {
        String name = e.getTemplateName() != null ? e.getTemplateName() : fallbackName;
        String msg = e.getEditorMessage() == null ? e.getMessage() : e.getEditorMessage();
        return new TemplateProblem(name, e.getLineNumber(), Tr.f("syntax error: %s", msg.strip().replace('\n', ' ')));
    }
}
