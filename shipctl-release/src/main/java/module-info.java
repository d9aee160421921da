/**
 * The release build's own code: {@code ManPages} writes the man pages from the command line's model (run by the
 * release build on the class path, where this descriptor is left out). It uses only what the CLI exports.
 */
module dev.shipctl.release {
    requires dev.shipctl.cli;
    requires info.picocli.codegen;
}
