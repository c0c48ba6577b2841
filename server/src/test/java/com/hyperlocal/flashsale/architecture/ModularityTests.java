package com.hyperlocal.flashsale.architecture;

import com.hyperlocal.flashsale.FlashSaleApplication;
import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The server's feature packages are application modules: no cycles between them, and no module
 * reaches into another's internals (sub-packages, or types outside a named interface).
 */
class ModularityTests {

    /** The development infrastructure on the test classpath is not part of the product. */
    static final ApplicationModules MODULES = ApplicationModules.of(
            FlashSaleApplication.class, JavaClass.Predicates.resideInAPackage("com.hyperlocal.flashsale.dev.."));

    @Test
    void featureModulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    /** Regenerates docs/modules (PlantUML component diagrams and a canvas per module). */
    @Test
    void writesModuleDocumentation() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("../docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
