/* The "FTP (E/S)" page: fills the form from the JSON API, checks it, saves the changes of all tabs at once.
   A save posts only the keys the operator changed (the server merges them); secrets are never filled in. */
(function () {
  'use strict';
  var page = document.getElementById('ftp-console');
  var root = page.getAttribute('data-root');
  var token = page.getAttribute('data-token');
  var DEFAULTS = {
    'bind.address': '0.0.0.0', 'ftp.port': '2121', 'ftps.port': '2990', 'pasv.ports': '50000-50100',
    'banner.connect': 'FTP server ready', 'banner.login': 'Login successful',
    'banner.loginFailure': 'Login incorrect', 'banner.logout': 'Goodbye',
    'tls.minVersion': 'TLSv1.2', 'tls.maxVersion': 'TLSv1.3'
  };
  var VERSIONS = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];
  var IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
  var IPV6 = /^[0-9A-Fa-f:.]+$/;
  var state = { site: null, configuration: {}, secretsSet: [], suites: [], features: [], chips: [] };

  function $(id) { return document.getElementById(id); }
  function request(method, path, body) {
    var options = { method: method, credentials: 'same-origin', headers: {} };
    if (body !== undefined) {
      options.headers['Content-Type'] = 'application/json';
      options.headers['X-FTP-Token'] = token;
      options.body = JSON.stringify(body);
    }
    // Against the origin, never the document's URL: a page opened as http://user:pass@host/… has
    // the credentials in its base URL, and fetch() refuses any URL that holds credentials.
    return fetch(new URL(root + path, window.location.origin).href, options).then(function (response) {
      return response.json().then(function (json) { return { ok: response.ok, json: json }; });
    });
  }
  function list(value) {
    if (value === undefined || value === null || value === '') { return []; }
    if (Array.isArray(value)) { return value.map(String); }
    return String(value).split(/[,\n]/).map(function (s) { return s.trim(); }).filter(Boolean);
  }
  function message(text, error) {
    var box = $('ftp-message');
    box.textContent = text;
    box.className = 'ftp-message' + (error ? ' ui-state-error' : '');
  }

  function showState(status) {
    $('site-state').textContent = status.state + (status.restartPending ? ' \u2013 restart pending' : '')
      + ' \u2013 ' + status.sessions + ' session(s)' + (status.message ? ' \u2013 ' + status.message : '');
    $('restart-reminder').hidden = !status.restartPending;
    $('certificate').textContent = status.certificate || 'The site does not run.';
  }

  function renderFeatures() {
    var box = $('feature-list');
    box.innerHTML = '';
    state.features.forEach(function (feature) {
      var row = document.createElement('div');
      row.className = 'ftp-field ftp-check';
      var label = document.createElement('label');
      var input = document.createElement('input');
      input.type = 'checkbox';
      input.setAttribute('data-feature', feature.key);
      input.checked = featureOn(state.configuration, feature.key);
      label.appendChild(input);
      label.appendChild(document.createTextNode(' ' + feature.label + (feature.builtIn ? '' : ' (installed command)')));
      var help = document.createElement('div');
      help.className = 'ftp-help';
      help.textContent = feature.description;
      row.appendChild(label);
      row.appendChild(help);
      box.appendChild(row);
    });
  }

  function renderSuites() {
    var filter = $('cipher-filter').value.trim().toUpperCase();
    var ul = $('cipher-list');
    ul.innerHTML = '';
    state.suites.filter(function (suite) {
      return state.chips.indexOf(suite) < 0 && (!filter || suite.indexOf(filter) >= 0);
    }).forEach(function (suite) {
      var li = document.createElement('li');
      li.textContent = suite;
      li.setAttribute('data-suite', suite);
      li.setAttribute('role', 'option');
      li.tabIndex = 0;
      ul.appendChild(li);
    });
    var chips = $('cipher-chips');
    chips.innerHTML = '';
    if (state.chips.length === 0) {
      chips.textContent = 'Secure defaults';
    }
    state.chips.forEach(function (suite) {
      var chip = document.createElement('button');
      chip.type = 'button';
      chip.className = 'chip ui-state-default ui-corner-all';
      chip.setAttribute('data-suite', suite);
      chip.title = 'Remove';
      chip.textContent = suite + ' \u00d7';
      chips.appendChild(chip);
    });
  }

  /* What a field shows for a saved configuration: the form's own representation, for filling and comparing. */
  function shown(element, configuration) {
    var key = element.getAttribute('data-key');
    var value = configuration[key];
    if (element.type === 'checkbox') { return value === true || value === 'true'; }
    if (element.tagName === 'SELECT') { return value || DEFAULTS[key]; }
    if (key === 'pasv.localNetworks') { return list(value).join('\n'); }
    return value === undefined || value === null ? '' : String(value);
  }
  function current(element) {
    if (element.type === 'checkbox') { return element.checked; }
    if (element.getAttribute('data-key') === 'pasv.localNetworks') { return list(element.value).join('\n'); }
    return element.value;
  }
  function featureOn(configuration, key) {
    var value = configuration['feature.' + key];
    return !(value === false || value === 'false');
  }

  function fill(configuration, secretsSet) {
    state.configuration = configuration;
    state.secretsSet = secretsSet || [];
    document.querySelectorAll('[data-key]').forEach(function (element) {
      var key = element.getAttribute('data-key');
      if (key === 'tls.cipherSuites') { return; }
      if (element.getAttribute('data-secret')) {
        element.value = '';
        element.placeholder = state.secretsSet.indexOf(key) >= 0 ? '(set \u2013 type a new one to replace it)' : '(not set)';
      } else if (element.type === 'checkbox') {
        element.checked = shown(element, configuration);
      } else {
        element.value = shown(element, configuration);
        element.placeholder = DEFAULTS[key] || '';
      }
    });
    state.chips = list(configuration['tls.cipherSuites']);
    renderFeatures();
    renderSuites();
    document.querySelectorAll('.ftp-error').forEach(function (e) { e.textContent = ''; });
  }

  function loadSite(name) {
    return request('GET', '/site/' + encodeURIComponent(name) + '.json').then(function (answer) {
      if (!answer.ok) { message(answer.json.errors._, true); return; }
      state.site = name;
      fill(answer.json.configuration, answer.json.secretsSet);
      showState(answer.json.status);
    });
  }

  /* The keys the operator changed, with their new values; an emptied field is '' (back to the default). */
  function changes() {
    var changed = {};
    document.querySelectorAll('[data-key]').forEach(function (element) {
      var key = element.getAttribute('data-key');
      if (key === 'tls.cipherSuites') { return; }
      if (element.getAttribute('data-secret')) {
        if (element.value !== '') { changed[key] = element.value; }
        return;
      }
      var now = current(element);
      if (now !== shown(element, state.configuration)) {
        changed[key] = key === 'pasv.localNetworks' ? list(now) : now;
      }
    });
    document.querySelectorAll('[data-feature]').forEach(function (input) {
      var key = input.getAttribute('data-feature');
      if (input.checked !== featureOn(state.configuration, key)) { changed['feature.' + key] = input.checked; }
    });
    if (state.chips.join(',') !== list(state.configuration['tls.cipherSuites']).join(',')) {
      changed['tls.cipherSuites'] = state.chips.slice();
    }
    return changed;
  }

  function errorsOf(c) {
    var errors = {};
    function ip(key, allowEmpty) {
      var v = String(c[key] || '').trim();
      if ((v === '' && allowEmpty) || IPV4.test(v) || (v.indexOf(':') >= 0 && IPV6.test(v))) { return; }
      if (v !== '') { errors[key] = "'" + v + "' is not an IP address"; }
    }
    ip('pasv.externalIp', true);
    ip('pasv.externalIpTls', true);
    ip('bind.address', true);
    list(c['pasv.localNetworks']).forEach(function (cidr) {
      var parts = cidr.split('/');
      var max = parts[0].indexOf(':') >= 0 ? 128 : 32;
      var ok = (IPV4.test(parts[0]) || (max === 128 && IPV6.test(parts[0])))
        && (parts.length === 1 || (parts.length === 2 && /^\d+$/.test(parts[1]) && +parts[1] <= max));
      if (!ok) { errors['pasv.localNetworks'] = "'" + cidr + "' is not a network in CIDR notation"; }
    });
    ['ftp.port', 'ftps.port'].forEach(function (key) {
      var v = String(c[key] || '').trim();
      if (v !== '' && !(/^\d+$/.test(v) && +v <= 65535)) { errors[key] = "'" + v + "' is not a port (0-65535)"; }
    });
    var ftp = String(c['ftp.port'] || DEFAULTS['ftp.port']).trim();
    var ftps = String(c['ftps.port'] || DEFAULTS['ftps.port']).trim();
    if (ftp !== '0' && ftp === ftps) { errors['ftps.port'] = 'the same port as the FTP port'; }
    var ports = String(c['pasv.ports'] || '').trim();
    if (ports !== '' && !/^\d{1,5}\s*(-\s*\d{1,5})?$/.test(ports)) { errors['pasv.ports'] = "'" + ports + "' is not a range like 50000-50100"; }
    if (VERSIONS.indexOf(c['tls.minVersion']) > VERSIONS.indexOf(c['tls.maxVersion'])) {
      errors['tls.minVersion'] = c['tls.minVersion'] + ' is above the maximum version ' + c['tls.maxVersion'];
    }
    list(c['tls.cipherSuites']).forEach(function (suite) {
      if (state.suites.indexOf(suite) < 0) { errors['tls.cipherSuites'] = "'" + suite + "' is not supported by this Java runtime"; }
    });
    return errors;
  }

  function showErrors(errors) {
    document.querySelectorAll('.ftp-error').forEach(function (e) {
      e.textContent = errors[e.getAttribute('data-error-for')] || '';
    });
    var keys = Object.keys(errors);
    message(keys.length ? 'Not saved: ' + keys.map(function (k) { return (k === '_' ? '' : k + ': ') + errors[k]; }).join('; ') : '', keys.length > 0);
  }

  function save() {
    var changed = changes();
    var errors = errorsOf(Object.assign({}, state.configuration, changed));
    if (Object.keys(errors).length) { showErrors(errors); return; }
    if (Object.keys(changed).length === 0) { showErrors({}); message('Nothing changed.'); return; }
    request('POST', '/site/' + encodeURIComponent(state.site), { configuration: changed }).then(function (answer) {
      if (!answer.ok) { showErrors(answer.json.errors); return; }
      showErrors({});
      message('Saved. It takes effect when the site restarts.');
      return loadSite(state.site);
    });
  }

  function restart() {
    message('Restarting ' + state.site + '\u2026');
    request('POST', '/site/' + encodeURIComponent(state.site) + '/restart', {}).then(function (answer) {
      if (!answer.ok) { showErrors(answer.json.errors); return; }
      message('Site ' + state.site + ' restarted.');
      return loadSite(state.site);
    });
  }

  function selectTab(name) {
    ['common', 'features', 'tls'].forEach(function (tab) {
      var selected = tab === name;
      $('ftp-tab-' + tab).setAttribute('aria-selected', String(selected));
      $('ftp-tab-' + tab).classList.toggle('ui-state-active', selected);
      $('ftp-panel-' + tab).hidden = !selected;
    });
  }

  ['common', 'features', 'tls'].forEach(function (tab, index, all) {
    var button = $('ftp-tab-' + tab);
    button.addEventListener('click', function () { selectTab(tab); });
    button.addEventListener('keydown', function (event) {
      var step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
      if (step) {
        var next = all[(index + step + all.length) % all.length];
        selectTab(next);
        $('ftp-tab-' + next).focus();
      }
    });
  });
  $('cipher-filter').addEventListener('input', renderSuites);
  function pick(event) {
    var suite = event.target.getAttribute('data-suite');
    if (suite && (event.type === 'click' || event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      state.chips.push(suite);
      renderSuites();
    }
  }
  $('cipher-list').addEventListener('click', pick);
  $('cipher-list').addEventListener('keydown', pick);
  $('cipher-chips').addEventListener('click', function (event) {
    var suite = event.target.getAttribute('data-suite');
    if (suite) {
      state.chips = state.chips.filter(function (s) { return s !== suite; });
      renderSuites();
    }
  });
  $('ftp-save').addEventListener('click', save);
  $('restart-site').addEventListener('click', restart);
  $('ftp-site-select').addEventListener('change', function (event) { loadSite(event.target.value); });

  request('GET', '/sites.json').then(function (answer) {
    state.suites = answer.json.cipherSuites;
    state.features = answer.json.features;
    var select = $('ftp-site-select');
    answer.json.sites.forEach(function (site) {
      var option = document.createElement('option');
      option.value = site.name;
      option.textContent = site.name + ' (' + site.state + (site.restartPending ? ', restart pending' : '') + ')';
      select.appendChild(option);
    });
    if (answer.json.sites.length) {
      return loadSite(answer.json.sites[0].name);
    }
    message('No site is configured.');
  }).catch(function (error) { message('The FTP API did not answer: ' + error, true); });
})();
