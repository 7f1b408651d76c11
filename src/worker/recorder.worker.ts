/// <reference lib="webworker" />
import { expose } from 'comlink';
import type { LogEvent } from '../log/events.ts';
import { faultableStore, openIdbStore, type SessionRow } from './event-store.ts';
import { Recorder, type StorageStatus } from './recorder.ts';
import type { UploadStatus } from './witness-uploader.ts';

/** Automation builds: the browser tests' storage-full switch (see faultableStore); production: IndexedDB as is. */
let setStorageFull: ((full: boolean) => void) | null = null;
const recorder = __AUTOMATION_BUILD__
  ? Recorder.open(async () => {
      const f = faultableStore(await openIdbStore());
      setStorageFull = f.setFull;
      return f.store;
    })
  : Recorder.open();
// Certified sessions: the connection is back, upload what waited.
addEventListener('online', () => void recorder.then((r) => r.uploader.retryNow()));

/** The worker's API as the page sees it through comlink. Every method is async across the boundary. */
export const recorderApi = {
  async status(): Promise<StorageStatus> {
    return (await recorder).status();
  },
  async onStatus(listener: (s: StorageStatus) => void): Promise<void> {
    (await recorder).onStatus(listener);
  },
  async onUpload(listener: (s: UploadStatus) => void): Promise<void> {
    (await recorder).onUpload(listener);
  },
  async uploadStatus(sessionId: string) {
    return (await recorder).uploadStatus(sessionId);
  },
  async session(sessionId: string) {
    return (await recorder).session(sessionId);
  },
  async pendingCount() {
    return (await recorder).pendingCount();
  },
  async whenWritten() {
    return (await recorder).whenWritten();
  },
  async storedCount(sessionId: string) {
    return (await recorder).storedCount(sessionId);
  },
  async backup(sessionId: string) {
    return (await recorder).backup(sessionId);
  },
  async restore(text: string) {
    return (await recorder).restore(text);
  },
  async storedEvents(sessionId: string) {
    return (await recorder).storedEvents(sessionId);
  },
  /** Automation builds only: make every write fail as on a full disk (browser tests of storage faults). */
  async simulateFullStorage(full: boolean) {
    await recorder;
    if (!setStorageFull) throw new Error('Storage faults can be simulated only in automation builds');
    setStorageFull(full);
  },
  async startSession(row: SessionRow, first: LogEvent[]) {
    return (await recorder).startSession(row, first);
  },
  async importSession(events: LogEvent[]) {
    return (await recorder).importSession(events);
  },
  async resume(sessionId: string) {
    return (await recorder).resume(sessionId);
  },
  async append(sessionId: string, events: LogEvent[]) {
    (await recorder).append(sessionId, events);
  },
  async flush() {
    return (await recorder).flush();
  },
  async events(sessionId: string) {
    return (await recorder).events(sessionId);
  },
  async trials(sessionId: string, game?: string) {
    return (await recorder).trials(sessionId, game);
  },
  async score(sessionId: string, game: string) {
    return (await recorder).score(sessionId, game);
  },
  async scoreAll(sessionId: string) {
    return (await recorder).scoreAll(sessionId);
  },
  async profile(sessionId: string, normGroup?: string) {
    return (await recorder).profile(sessionId, normGroup);
  },
  async sessions() {
    return (await recorder).sessions();
  },
  async finishedSessions() {
    return (await recorder).finishedSessions();
  },
  async markFinished(sessionId: string) {
    return (await recorder).markFinished(sessionId);
  },
  async deleteSession(sessionId: string) {
    return (await recorder).deleteSession(sessionId);
  },
};

export type RecorderApi = typeof recorderApi;

expose(recorderApi);
