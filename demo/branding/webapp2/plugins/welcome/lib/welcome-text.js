// The welcome plugin's library, appended to <head> by the plugin (as real plugins append theirs)
// from custom_configuration/plugins/welcome/lib/. It defines one global the plugin uses once the
// conference has started.
window.DemoWelcomeText = {
  /** "1 person", "3 people". */
  people: function (count) {
    return count === 1 ? '1 person' : count + ' people';
  },
  /** Replaces each {name} in the template with values[name]. */
  format: function (template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  },
};
