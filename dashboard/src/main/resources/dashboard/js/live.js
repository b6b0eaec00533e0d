// Live connection to a server-sent-events stream, with its state shown on the page. EventSource reconnects by
// itself after a dropped connection; when the server refuses (an HTTP error), it gives up (readyState CLOSED),
// so we open a new one after a growing delay. This is reconnection, not polling: nothing is fetched on a timer.

const RETRY_MIN_MS = 1000;
const RETRY_MAX_MS = 15000;

export class LiveStream {
  /**
   * @param url the stream
   * @param eventName the SSE event to listen to
   * @param onEvent called with the parsed JSON data of each event
   * @param onState called with 'connecting' | 'live' | 'lost'; onOpen is called whenever a connection opens
   */
  constructor(url, eventName, onEvent, onState, onOpen) {
    this.url = url;
    this.eventName = eventName;
    this.onEvent = onEvent;
    this.onState = onState;
    this.onOpen = onOpen;
    this.retryMs = RETRY_MIN_MS;
  }

  start() {
    this.onState('connecting');
    const source = new EventSource(this.url);
    this.source = source;
    source.addEventListener('open', () => {
      this.retryMs = RETRY_MIN_MS;
      this.onState('live');
      // Before this opening (the first, or after a drop) changes may have gone unseen: the caller refreshes what it shows.
      this.onOpen();
    });
    source.addEventListener(this.eventName, (message) => {
      let data;
      try {
        data = JSON.parse(message.data);
      } catch (e) {
        console.warn(`unreadable ${this.eventName} event`, message.data, e);
        return;
      }
      this.onEvent(data);
    });
    source.addEventListener('error', () => {
      this.onState('lost');
      if (source.readyState === EventSource.CLOSED) {
        source.close();
        const delay = this.retryMs;
        this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
        setTimeout(() => this.start(), delay);
      }
    });
  }
}
