/** An example of a third party's apply backend, found by ServiceLoader. */
package com.example.ucode4j.plugin;
