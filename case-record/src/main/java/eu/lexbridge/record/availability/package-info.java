/**
 * The availability duties of a Member State's components (Implementing Regulation (EU) 2026/101 Annex I 6): the
 * notice a planned maintenance needs and whether it falls in the preferred hours. Pure Java: the caller passes "now".
 */
package eu.lexbridge.record.availability;
