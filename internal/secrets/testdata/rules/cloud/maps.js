// ruleid: secrets.gcp-api-key
const mapsKey = 'AIzabN8VRhlURyH_rz1iXqn-9AYjtCCQymlAQ9J';
loadMaps({ key: mapsKey });
