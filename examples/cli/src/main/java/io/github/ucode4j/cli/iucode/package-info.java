/**
 * {@code ucode iucode-tool}: iucode_tool 2.3.1's command line as a second front on the library's own jobs (reading,
 * selecting, listing, writing), with iucode_tool's options, messages and exit codes, so that scripts written for
 * iucode_tool run unchanged.
 */
package io.github.ucode4j.cli.iucode;
