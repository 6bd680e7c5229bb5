package dev.tailor.kernel.jupyter;

import java.util.List;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.reply.HistoryReply;
import org.dflib.jjava.jupyter.messages.reply.KernelInfoReply;

/**
 * JJava replies with the {@code "status": "ok"} field that protocol 5 requires of every reply and that JJava's
 * kernel_info and history replies leave out (jupyter_kernel_test's schema rejects them without it).
 */
final class Replies {

    private Replies() {
    }

    /** A kernel_info_reply with a status. */
    static final class KernelInfo extends KernelInfoReply {

        @SuppressWarnings("unused") // serialized by Gson
        private final String status = "ok";

        KernelInfo(String protocolVersion, String name, String version, LanguageInfo language, String banner, List<HelpLink> links) {
            super(protocolVersion, name, version, language, banner, links);
        }
    }

    /**
     * A history_reply with a status. Entries are written as the protocol's tuples, {@code [session, line, input]}
     * or {@code [session, line, [input, output]]}, because JJava's entry adapter is not applied to a subclass.
     */
    static final class History {

        @SuppressWarnings("unused") // serialized by Gson
        private final String status = "ok";
        @SuppressWarnings("unused")
        private final List<List<Object>> history;

        History(List<HistoryEntry> entries) {
            this.history = entries.stream()
                    .map(e -> List.<Object>of(e.getSession(), e.getCellNumber(),
                            e.getOutput() == null ? e.getInput() : List.of(e.getInput(), e.getOutput())))
                    .toList();
        }

        /** The reply as a message to the request in {@code context}. */
        @SuppressWarnings({"unchecked", "rawtypes"})
        Message<?> toMessage(MessageContext context) {
            return new Message(context, HistoryReply.MESSAGE_TYPE, this);
        }
    }
}
