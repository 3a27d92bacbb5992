package dev.bmtool.pow.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saved kernel shapes: round trip, use by Options.forDevice, explicit settings win. */
class OpenClTuningTest {

    @Test
    void savedShapeIsUsedUnlessSetExplicitly(@TempDir Path dir) throws Exception {
        OpenClDevice d = PoclEngines.first().device();
        assertTrue(OpenClTuning.load(dir, d).isEmpty());
        assertTrue(OpenClTuning.save(dir, d, new OpenClTuning.Shape(4, 1, 123.0)));
        OpenClTuning.Shape s = OpenClTuning.load(dir, d).orElseThrow();
        assertEquals(4, s.noncesPerItem());
        assertEquals(1, s.rotate());
        System.setProperty("bmtool.opencl.cache", dir.toString());
        try {
            OpenClEngine.Options o = OpenClEngine.Options.forDevice(d);
            assertEquals(4, o.noncesPerItem());
            assertEquals(1, o.rotate());
            System.setProperty("bmtool.opencl.npi", "2");
            OpenClEngine.Options explicit = OpenClEngine.Options.forDevice(d);
            assertEquals(2, explicit.noncesPerItem());
            assertEquals(2, explicit.rotate());
        } finally {
            System.clearProperty("bmtool.opencl.cache");
            System.clearProperty("bmtool.opencl.npi");
        }
        // a damaged file counts as untuned
        Files.writeString(OpenClTuning.file(dir, d), "npi=zero\n");
        assertTrue(OpenClTuning.load(dir, d).isEmpty());
    }
}
