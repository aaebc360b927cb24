/**
 * The deadline engine for Regulation (EU) 2023/1543 (e-Evidence): which legal time limits a conversation's messages
 * started, and whether each is running, suspended, met, missed or cancelled. Time limits count by Regulation (EEC,
 * Euratom) No 1182/71 in the working calendar of the Member State that must act. Pure Java: no clock is read, the
 * caller passes "now".
 */
package eu.lexbridge.record.deadline;
