/** A third party's apply backend: registered here and in META-INF/services, as ucode4j's own backends are. */
module com.example.ucode4j.plugin {
    requires transitive io.github.ucode4j.api; // its types are this backend's API

    exports com.example.ucode4j.plugin;

    provides io.github.ucode4j.api.spi.ApplyBackend with com.example.ucode4j.plugin.ExamplePluginBackend;
}
