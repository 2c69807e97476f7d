package dev.rekindle.report.svg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SvgChartsTests {

    @Test
    void barChartShouldDrawOneBarPerValueWithErrorBarsWhereGiven() {
        String svg = BarChart.render("转化率 conversion", "rate", List.of(
                new BarChart.Bar("contacted", 0.12, 0.10, 0.14, Palette.BLUE),
                new BarChart.Bar("holdout", 0.08, 0.05, 0.11, Palette.GREY),
                BarChart.Bar.of("other", 0.02, Palette.GREEN)), v -> String.format("%.0f%%", v * 100), 400, 260);

        Document doc = parse(svg);
        assertEquals(3, byClass(doc, "bar").size());
        assertEquals(6, byClass(doc, "error-bar").size(), "a line and two caps per interval");
        assertTrue(texts(doc, "x-label").containsAll(List.of("contacted", "holdout", "other")));
        assertTrue(texts(doc, "value").contains("12%"));
        assertEquals("转化率 conversion", doc.getElementsByTagName("title").item(0).getTextContent());
    }

    @Test
    void barsShouldBeTallerForLargerValuesAndStartAtZero() {
        Document doc = parse(BarChart.render("t", "", List.of(BarChart.Bar.of("a", 10, Palette.BLUE),
                BarChart.Bar.of("b", 40, Palette.BLUE)), v -> String.valueOf((int) v), 300, 200));

        List<Element> bars = byClass(doc, "bar");
        double a = Double.parseDouble(bars.get(0).getAttribute("height"));
        double b = Double.parseDouble(bars.get(1).getAttribute("height"));
        assertEquals(4, b / a, 0.05);
        double bottomA = Double.parseDouble(bars.get(0).getAttribute("y")) + a;
        double bottomB = Double.parseDouble(bars.get(1).getAttribute("y")) + b;
        assertEquals(bottomA, bottomB, 0.11);
    }

    @Test
    void labelsShouldBeEscapedSoThatTheDocumentStaysWellFormed() {
        String svg = BarChart.render("<script>alert('x')</script> & co", "y", List.of(
                BarChart.Bar.of("a<b", 1, Palette.BLUE)), String::valueOf, 300, 200);

        assertFalse(svg.contains("<script>"));
        Document doc = parse(svg);
        assertTrue(texts(doc, "x-label").contains("a<b"));
    }

    @Test
    void chartsWithoutDataShouldSaySoInsteadOfFailing() {
        assertTrue(BarChart.render("t", "", List.of(BarChart.Bar.of("a", Double.NaN, Palette.BLUE)), String::valueOf, 300, 200)
                .contains("no data"));
        assertTrue(LineChart.render("t", "", List.of("x"), List.of(new LineChart.Series("s", Palette.BLUE,
                new double[]{Double.NaN})), String::valueOf, 300, 200).contains("no data"));
        assertTrue(IntervalChart.render("t", "", List.of(), String::valueOf, 500).contains("no data"));
    }

    @Test
    void lineChartShouldDrawEverySeriesWithALegendAndBreakAtGaps() {
        String svg = LineChart.render("inflow", "customers", List.of("W1", "W2", "W3", "W4", "W5"), List.of(
                new LineChart.Series("沉默期 silent", Palette.BLUE, new double[]{5, 7, 6, 9, 8}),
                new LineChart.Series("gone", Palette.RED, new double[]{1, 2, Double.NaN, 3, 4})), v -> String.valueOf((int) v), 500, 240);

        Document doc = parse(svg);
        assertEquals(3, byClass(doc, "series").size(), "one line for silent, two pieces for gone around the gap");
        assertEquals(9, byClass(doc, "point").size());
        assertTrue(texts(doc, "legend-label").containsAll(List.of("沉默期 silent", "gone")));
        assertTrue(texts(doc, "x-label").contains("W1"));
        assertTrue(texts(doc, "tick").contains("0"), "the value axis starts at zero");
    }

    @Test
    void lineChartShouldRejectSeriesOfTheWrongLength() {
        assertThrows(IllegalArgumentException.class, () -> LineChart.render("t", "", List.of("a", "b"),
                List.of(new LineChart.Series("s", Palette.BLUE, new double[]{1})), String::valueOf, 300, 200));
    }

    @Test
    void heatMapShouldHaveOneCellPerCountAndDarkerCellsForMore() {
        long[][] counts = new long[5][5];
        counts[4][4] = 900;
        counts[0][0] = 9;
        String[] scores = {"1", "2", "3", "4", "5"};

        Document doc = parse(HeatMap.render("RFM", "R", "F", counts, scores, scores));

        List<Element> cells = byClass(doc, "cell");
        assertEquals(25, cells.size());
        assertTrue(texts(doc, "cell-value").contains("900"));
        assertEquals(HeatMap.shade(1), fillOfCellSaying(cells, "R 5: 900"));
        assertEquals(HeatMap.shade(0), fillOfCellSaying(cells, "R 2: 0"));
        assertTrue(texts(doc, "axis-label").containsAll(List.of("R", "F")));
    }

    @Test
    void intervalChartShouldDrawEstimatesAndIntervalsAndExplainMissingOnes() {
        String svg = IntervalChart.render("uplift", "points", List.of(
                new IntervalChart.Row("all", 0.024, -0.003, 0.047, null),
                new IntervalChart.Row("重要价值", 0.05, 0.01, 0.09, null),
                new IntervalChart.Row("gone", Double.NaN, Double.NaN, Double.NaN, "not enough data")),
                v -> String.format("%+.1f", v * 100), 640);

        Document doc = parse(svg);
        assertEquals(2, byClass(doc, "estimate").size());
        assertEquals(6, byClass(doc, "interval").size());
        assertEquals(1, byClass(doc, "zero").size());
        assertTrue(texts(doc, "value").contains("not enough data"));
        assertTrue(texts(doc, "y-label").contains("重要价值"));
    }

    @Test
    void ticksShouldBeNiceRoundNumbersCoveringTheRange() {
        assertEquals(List.of(0.0, 20.0, 40.0, 60.0, 80.0, 100.0), Ticks.nice(0, 93, 5));
        assertEquals(List.of(-0.02, 0.0, 0.02, 0.04, 0.06), round(Ticks.nice(-0.013, 0.052, 5)));
        assertEquals(List.of(0.0, 0.2, 0.4, 0.6, 0.8, 1.0), round(Ticks.nice(0, 0, 5)));
    }

    private static List<Double> round(List<Double> ticks) {
        return ticks.stream().map(t -> Math.round(t * 1e9) / 1e9).toList();
    }

    private static String fillOfCellSaying(List<Element> cells, String tooltipEnd) {
        return cells.stream().filter(c -> c.getTextContent().endsWith(tooltipEnd)).findFirst().orElseThrow().getAttribute("fill");
    }

    static Document parse(String svg) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed SVG: " + e.getMessage() + "\n" + svg, e);
        }
    }

    static List<Element> byClass(Document doc, String cssClass) {
        List<Element> found = new ArrayList<>();
        NodeList all = doc.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (List.of(e.getAttribute("class").split(" ")).contains(cssClass)) {
                found.add(e);
            }
        }
        return found;
    }

    static List<String> texts(Document doc, String cssClass) {
        return byClass(doc, cssClass).stream().map(Element::getTextContent).toList();
    }
}
