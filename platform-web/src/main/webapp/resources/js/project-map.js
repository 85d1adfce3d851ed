// The map of budget projects: one marker per project that has a point, linking to its page. The background tiles
// come from the server the installation configured (agora.map.tiles.url, given by the page in data-tiles; none when
// empty); without them (none configured, offline, blocked) the markers and the list still work.
(function () {
    var element = document.getElementById('project-map');
    if (!element || !window.L) {
        return;
    }
    var points = JSON.parse(element.getAttribute('data-points') || '[]');
    var map = L.map(element, {scrollWheelZoom: false});
    var tiles = element.getAttribute('data-tiles');
    if (tiles) {
        // the attribution is the configuration's plain text: escaped, as Leaflet reads it as HTML
        var attribution = document.createElement('span');
        attribution.textContent = element.getAttribute('data-tiles-attribution') || '';
        L.tileLayer(tiles, {
            maxZoom: parseInt(element.getAttribute('data-tiles-max-zoom'), 10) || 19,
            attribution: attribution.innerHTML
        }).addTo(map);
    }
    var bounds = [];
    points.forEach(function (p) {
        var marker = L.circleMarker([p.lat, p.lng], {radius: 8, color: '#1f5f8b', fillOpacity: 0.8}).addTo(map);
        // the title is a resident's text: always given to Leaflet as a text node (a string would be read as HTML)
        var link = document.createElement('a');
        link.href = element.getAttribute('data-link') + p.id;
        link.textContent = p.title;
        marker.bindPopup(link);
        var label = document.createElement('span');
        label.textContent = p.title;
        marker.bindTooltip(label);
        bounds.push([p.lat, p.lng]);
    });
    if (bounds.length === 1) {
        map.setView(bounds[0], 16);
    } else {
        map.fitBounds(bounds, {padding: [30, 30], maxZoom: 16});
    }
    element.setAttribute('data-ready', 'true');
}());
