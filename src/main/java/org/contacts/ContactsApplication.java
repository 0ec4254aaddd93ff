package org.contacts;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JAX-RS application, served at the root as the original service was. */
@ApplicationPath("/")
public class ContactsApplication extends Application {}
