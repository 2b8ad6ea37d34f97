/** Model versions, aliases and content-addressed artifacts. */
package io.visutility.registry;
