package dev.rekindle.report.svg;

import java.util.List;
import java.util.Locale;

/** Builds one {@code <svg>} element; coordinates are rounded to a tenth of a pixel, all text is escaped. */
final class Svg {

    private final StringBuilder body = new StringBuilder();
    private final double width;
    private final double height;
    private final String title;
    private final String kind;

    Svg(double width, double height, String title, String kind) {
        this.width = width;
        this.height = height;
        this.title = title;
        this.kind = kind;
    }

    Svg rect(double x, double y, double w, double h, String fill, String cssClass, String tooltip) {
        body.append("<rect class=\"").append(cssClass).append("\" x=\"").append(num(x)).append("\" y=\"").append(num(y))
                .append("\" width=\"").append(num(Math.max(0, w))).append("\" height=\"").append(num(Math.max(0, h)))
                .append("\" fill=\"").append(fill).append('"');
        return closeWithTooltip("rect", tooltip);
    }

    Svg line(double x1, double y1, double x2, double y2, String stroke, double strokeWidth, String cssClass) {
        body.append("<line class=\"").append(cssClass).append("\" x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1))
                .append("\" x2=\"").append(num(x2)).append("\" y2=\"").append(num(y2)).append("\" stroke=\"").append(stroke)
                .append("\" stroke-width=\"").append(num(strokeWidth)).append("\"/>");
        return this;
    }

    Svg polyline(List<double[]> points, String stroke, String cssClass, String tooltip) {
        StringBuilder p = new StringBuilder();
        for (double[] xy : points) {
            p.append(p.length() == 0 ? "" : " ").append(num(xy[0])).append(',').append(num(xy[1]));
        }
        body.append("<polyline class=\"").append(cssClass).append("\" points=\"").append(p).append("\" fill=\"none\" stroke=\"")
                .append(stroke).append("\" stroke-width=\"2\"");
        return closeWithTooltip("polyline", tooltip);
    }

    Svg circle(double cx, double cy, double r, String fill, String cssClass, String tooltip) {
        body.append("<circle class=\"").append(cssClass).append("\" cx=\"").append(num(cx)).append("\" cy=\"").append(num(cy))
                .append("\" r=\"").append(num(r)).append("\" fill=\"").append(fill).append('"');
        return closeWithTooltip("circle", tooltip);
    }

    /** @param anchor start, middle or end */
    Svg text(double x, double y, String text, String anchor, double size, String fill, String cssClass) {
        body.append("<text class=\"").append(cssClass).append("\" x=\"").append(num(x)).append("\" y=\"").append(num(y))
                .append("\" text-anchor=\"").append(anchor).append("\" font-size=\"").append(num(size)).append("\" fill=\"")
                .append(fill).append("\">").append(escape(text)).append("</text>");
        return this;
    }

    /** Text turned a quarter to the left (a y-axis label). */
    Svg verticalText(double x, double y, String text, double size, String fill) {
        body.append("<text class=\"axis-label\" x=\"").append(num(x)).append("\" y=\"").append(num(y))
                .append("\" text-anchor=\"middle\" font-size=\"").append(num(size)).append("\" fill=\"").append(fill)
                .append("\" transform=\"rotate(-90 ").append(num(x)).append(' ').append(num(y)).append(")\">")
                .append(escape(text)).append("</text>");
        return this;
    }

    String render() {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart " + kind + "\" role=\"img\" width=\"" + num(width)
                + "\" height=\"" + num(height) + "\" viewBox=\"0 0 " + num(width) + " " + num(height) + "\">"
                + "<title>" + escape(title) + "</title>" + body + "</svg>";
    }

    private Svg closeWithTooltip(String element, String tooltip) {
        if (tooltip == null) {
            body.append("/>");
        } else {
            body.append("><title>").append(escape(tooltip)).append("</title></").append(element).append('>');
        }
        return this;
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') sb.append(c); // other control characters are not XML
                }
            }
        }
        return sb.toString();
    }

    static String num(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("not a coordinate: " + v);
        }
        double r = Math.round(v * 10) / 10.0;
        return r == Math.rint(r) ? String.valueOf((long) r) : String.format(Locale.ROOT, "%.1f", r);
    }
}
