package dev.tailor.kernel.eval;

/** Turns a raw Javadoc comment into the plain first sentence Shift-Tab shows. */
final class Javadoc {

    private Javadoc() {
    }

    /** The first sentence of a Javadoc comment, with inline tags and HTML reduced to their text; "" for null. */
    static String firstSentence(String javadoc) {
        if (javadoc == null || javadoc.isBlank()) {
            return "";
        }
        String text = javadoc;
        int blockTag = text.indexOf("\n@");
        if (blockTag >= 0) {
            text = text.substring(0, blockTag); // @param and friends come after the description
        }
        text = text.replaceAll("\\{@(?:code|literal|link|linkplain|value)\\s+([^}]*)}", "$1")
                .replaceAll("<[^>]+>", "")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
                .replaceAll("\\s+", " ")
                .strip();
        int end = sentenceEnd(text);
        return end < 0 ? text : text.substring(0, end + 1);
    }

    private static int sentenceEnd(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '.' && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)))) {
                return i;
            }
        }
        return -1;
    }
}
