package dev.tailor.jupyter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.ServiceLoader;
import org.dflib.jjava.jupyter.Extension;
import org.junit.jupiter.api.Test;

class TailorExtensionDiscoveryTest {

    @Test
    void serviceLoaderFindsTailorExtensionAsJJavaDoes() {
        List<String> found = ServiceLoader.load(Extension.class, getClass().getClassLoader()).stream()
                .map(provider -> provider.type().getName())
                .toList();
        assertEquals(List.of(TailorExtension.class.getName()), found);
    }
}
