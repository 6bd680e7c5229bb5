package dev.tailor.policy.tree;

import dev.tailor.render.Figure;
import dev.tailor.render.Fmt;
import dev.tailor.render.Html;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import tech.tablesaw.api.Table;

/**
 * A drawing of a fitted policy tree: split boxes ("math_z <= 0.31", with n) above their children, left branch
 * "yes", leaves coloured by action with n and mean reward. Leaves are spaced evenly from left to right; each split
 * sits above the middle of its children. PNG through Java2D, SVG written directly (text stays text).
 */
public final class PolicyTreePlot implements Figure {

    private static final int LEAF_WIDTH = 150;
    private static final int LEVEL_HEIGHT = 90;
    private static final int BOX_HEIGHT = 44;
    private static final int MARGIN = 20;
    private static final Color[] PALETTE = {new Color(0x4C72B0), new Color(0xDD8452), new Color(0x55A868),
        new Color(0xC44E52), new Color(0x8172B3), new Color(0x937860), new Color(0xDA8BC3), new Color(0x8C8C8C),
        new Color(0xCCB974), new Color(0x64B5CD)};

    private final PolicyTreeFit fit;
    private final List<Box> boxes = new ArrayList<>();
    private final List<int[]> edges = new ArrayList<>(); // parent box, child box
    private final int width;
    private final int height;

    /** One drawn node: centre x, top y, two text lines, fill colour (null for splits). */
    private record Box(double x, double y, String line1, String line2, Color fill) {
    }

    PolicyTreePlot(PolicyTreeFit fit) {
        this.fit = fit;
        int leaves = fit.leaves().size();
        this.width = Math.max(320, leaves * LEAF_WIDTH + 2 * MARGIN);
        this.height = fit.depth() * LEVEL_HEIGHT + BOX_HEIGHT + 2 * MARGIN;
        layout(fit.root(), 0, new int[] {0});
    }

    /** Lays out the subtree and returns the index of its box; {@code nextLeaf} counts leaves placed so far. */
    private int layout(PolicyNode node, int level, int[] nextLeaf) {
        double y = MARGIN + level * LEVEL_HEIGHT;
        if (node instanceof PolicyNode.Split split) {
            int left = layout(split.left(), level + 1, nextLeaf);
            int right = layout(split.right(), level + 1, nextLeaf);
            double x = (boxes.get(left).x() + boxes.get(right).x()) / 2;
            boxes.add(new Box(x, y, split.featureName() + " <= " + PolicyTreeFit.number(split.threshold()),
                    "n = " + Fmt.count(split.n()), null));
            int me = boxes.size() - 1;
            edges.add(new int[] {me, left});
            edges.add(new int[] {me, right});
            return me;
        }
        PolicyNode.Leaf leaf = (PolicyNode.Leaf) node;
        double x = MARGIN + (nextLeaf[0]++ + 0.5) * LEAF_WIDTH;
        boxes.add(new Box(x, y, leaf.actionName(), "n = " + Fmt.count(leaf.n()) + ", mean "
                + PolicyTreeFit.number(leaf.meanReward(), 3), PALETTE[leaf.action() % PALETTE.length]));
        return boxes.size() - 1;
    }

    /** The fitted tree this drawing shows. */
    public PolicyTreeFit fit() {
        return fit;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    @Override
    public byte[] toPng() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            FontMetrics metrics = g.getFontMetrics();
            g.setStroke(new BasicStroke(1.2f));
            for (int[] edge : edges) {
                Box from = boxes.get(edge[0]);
                Box to = boxes.get(edge[1]);
                g.setColor(Color.GRAY);
                g.drawLine((int) from.x(), (int) from.y() + BOX_HEIGHT, (int) to.x(), (int) to.y());
                boolean yes = to.x() < from.x();
                g.setColor(Color.DARK_GRAY);
                g.drawString(yes ? "yes" : "no", (int) ((from.x() + to.x()) / 2) + (yes ? -26 : 6),
                        (int) ((from.y() + BOX_HEIGHT + to.y()) / 2));
            }
            for (Box box : boxes) {
                int w = boxWidth(box, metrics);
                int left = (int) box.x() - w / 2;
                g.setColor(box.fill() == null ? new Color(0xF2F2F2) : box.fill());
                g.fillRoundRect(left, (int) box.y(), w, BOX_HEIGHT, 10, 10);
                g.setColor(Color.DARK_GRAY);
                g.drawRoundRect(left, (int) box.y(), w, BOX_HEIGHT, 10, 10);
                g.setColor(box.fill() == null ? Color.BLACK : Color.WHITE);
                drawCentred(g, metrics, box.line1(), box.x(), box.y() + 18);
                drawCentred(g, metrics, box.line2(), box.x(), box.y() + 35);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode the tree as PNG: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    private static int boxWidth(Box box, FontMetrics metrics) {
        return Math.min(LEAF_WIDTH - 8, Math.max(metrics.stringWidth(box.line1()), metrics.stringWidth(box.line2())) + 16);
    }

    private static void drawCentred(Graphics2D g, FontMetrics metrics, String text, double x, double baseline) {
        g.drawString(text, (int) (x - metrics.stringWidth(text) / 2.0), (int) baseline);
    }

    @Override
    public String toSvg() {
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width + "\" height=\""
                + height + "\" font-family=\"sans-serif\" font-size=\"12\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        for (int[] edge : edges) {
            Box from = boxes.get(edge[0]);
            Box to = boxes.get(edge[1]);
            svg.append(String.format(java.util.Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"gray\"/>\n", from.x(),
                    from.y() + BOX_HEIGHT, to.x(), to.y()));
        }
        for (Box box : boxes) {
            int w = Math.min(LEAF_WIDTH - 8, 7 * Math.max(box.line1().length(), box.line2().length()) + 16);
            String fill = box.fill() == null ? "#F2F2F2" : String.format("#%06X", box.fill().getRGB() & 0xFFFFFF);
            String ink = box.fill() == null ? "black" : "white";
            svg.append(String.format(java.util.Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%d\" height=\"%d\" rx=\"5\" fill=\"%s\" stroke=\"#404040\"/>\n",
                    box.x() - w / 2.0, box.y(), w, BOX_HEIGHT, fill));
            svg.append(String.format(java.util.Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"%s\">%s</text>\n", box.x(), box.y() + 18,
                    ink, Html.escape(box.line1())));
            svg.append(String.format(java.util.Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"%s\">%s</text>\n", box.x(), box.y() + 35,
                    ink, Html.escape(box.line2())));
        }
        return svg.append("</svg>\n").toString();
    }

    @Override
    public String toHtml() {
        return "<div class=\"tailor-plot\">\n<img src=\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(toPng()) + "\" width=\"" + width + "\" height=\"" + height
                + "\" alt=\"" + Html.escape("policy tree (" + fit.method() + ")") + "\"/>\n</div>";
    }

    /** The leaves, as in {@link PolicyTreeFit#table()}. */
    @Override
    public Table table() {
        return fit.table();
    }

    /** The text diagram, for consoles that show no images. */
    @Override
    public String toString() {
        return "Policy tree (" + fit.method() + ")\n" + fit.diagram();
    }
}
