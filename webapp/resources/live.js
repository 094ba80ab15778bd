/*
 * The live monitor's push: Server-Sent Events from /api/review/live (in this screen's HTTP session) say when the
 * exam changed; the screen then refreshes its grid through the invigilRefresh remote command, never two at once.
 * Live pictures, where the exam shows them, are fetched again every 5 s.
 * Test hook: #feed-status[data-state] is connecting | open | reconnecting.
 */
(function () {
  'use strict';
  var PICTURE_EVERY_MS = 5000;
  var busy = false;
  var busySince = 0;
  var again = false;

  function refresh() {
    // a refresh that never completed (a lost request) does not block the next ones
    if (busy && Date.now() - busySince < 10000) {
      again = true;
      return;
    }
    busy = true;
    busySince = Date.now();
    try {
      window.invigilRefresh();
    } catch (e) {
      busy = false;
    }
  }

  window.invigilLive = Object.freeze({
    done: function () {
      busy = false;
      if (again) {
        again = false;
        refresh();
      }
    },
  });

  function connect() {
    var status = document.getElementById('feed-status');
    if (!status || !window.EventSource) {
      if (status) {
        status.textContent = 'every 30 seconds: this browser cannot receive pushed updates';
      }
      return;
    }
    function show(state, text) {
      status.dataset.state = state;
      status.textContent = text;
    }
    show('connecting', 'connecting…');
    var source = new EventSource(status.dataset.url);
    source.addEventListener('ready', function () {
      show('open', 'live');
      refresh();
    });
    source.addEventListener('change', refresh);
    source.onerror = function () {
      show('reconnecting', 'reconnecting; the page still refreshes every 30 seconds');
    };
  }

  /** Live pictures (where the exam shows them) follow the camera: a fresh one every few seconds, never cached. */
  function refreshPictures() {
    var pictures = document.querySelectorAll('img.tile-picture');
    for (var i = 0; i < pictures.length; i += 1) {
      var picture = pictures[i];
      var base = picture.dataset.base || picture.getAttribute('src');
      picture.dataset.base = base;
      picture.src = base + (base.indexOf('?') < 0 ? '?' : '&') + 't=' + Date.now();
    }
  }

  document.addEventListener('error', function (event) {
    if (event.target && event.target.classList && event.target.classList.contains('tile-picture')) {
      event.target.classList.add('tile-picture-missing'); // no picture on this node yet: keep the place
    }
  }, true);
  document.addEventListener('load', function (event) {
    if (event.target && event.target.classList && event.target.classList.contains('tile-picture')) {
      event.target.classList.remove('tile-picture-missing');
    }
  }, true);

  document.addEventListener('DOMContentLoaded', function () {
    connect();
    setInterval(refreshPictures, PICTURE_EVERY_MS);
  });
}());
