// The map of budget projects: one marker per project that has a point, linking to its page. OpenStreetMap tiles
// are added when they load; without them (offline, blocked) the markers and the list still work.
(function () {
    var element = document.getElementById('project-map');
    if (!element || !window.L) {
        return;
    }
    var points = JSON.parse(element.getAttribute('data-points') || '[]');
    var map = L.map(element, {scrollWheelZoom: false});
    L.tileLayer('https://tile.openstreetmap.org/{z}/{x}/{y}.png', {
        maxZoom: 19,
        attribution: '&copy; OpenStreetMap'
    }).addTo(map);
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
