// GENERATED FILE, do not edit. Regenerate with: npm run gen:validators (tools/generate-validators.mjs)
// Source: src/config/schemas/*.schema.json. Ajv standalone code: no eval, no new Function.
/* eslint-disable */
"use strict";
export const validateManifest = validate10;
const schema11 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"manifest.schema.json","type":"object","properties":{"brandingID":{"type":["string","number"]},"isSettingsBranded":{"type":"boolean"},"isWatermarkBranded":{"type":"boolean"},"isStylesBranded":{"type":"boolean"},"plugins":{"type":"array","items":{"$ref":"#/definitions/webapp3Plugin"}}},"definitions":{"webapp3Plugin":{"type":"object","required":["id","src"],"properties":{"id":{"type":"string","minLength":1},"src":{"type":"string","minLength":1},"sandboxValues":{"type":"array","items":{"type":"string","pattern":"^allow-[a-z-]+$"}}},"additionalProperties":false}},"patternProperties":{"^is[A-Z][A-Za-z0-9]*Branded$":{"type":"boolean"}},"additionalProperties":false};
const schema12 = {"type":"object","required":["id","src"],"properties":{"id":{"type":"string","minLength":1},"src":{"type":"string","minLength":1},"sandboxValues":{"type":"array","items":{"type":"string","pattern":"^allow-[a-z-]+$"}}},"additionalProperties":false};
const pattern0 = new RegExp("^is[A-Z][A-Za-z0-9]*Branded$", "u");
const pattern1 = new RegExp("^allow-[a-z-]+$", "u");
const func2 = ucs2length;

function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="manifest.schema.json" */;
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!((((((key0 === "brandingID") || (key0 === "isSettingsBranded")) || (key0 === "isWatermarkBranded")) || (key0 === "isStylesBranded")) || (key0 === "plugins")) || (pattern0.test(key0)))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.brandingID !== undefined){
let data0 = data.brandingID;
if((typeof data0 !== "string") && (!((typeof data0 == "number") && (isFinite(data0))))){
const err1 = {instancePath:instancePath+"/brandingID",schemaPath:"#/properties/brandingID/type",keyword:"type",params:{type: schema11.properties.brandingID.type},message:"must be string,number"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.isSettingsBranded !== undefined){
if(typeof data.isSettingsBranded !== "boolean"){
const err2 = {instancePath:instancePath+"/isSettingsBranded",schemaPath:"#/properties/isSettingsBranded/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.isWatermarkBranded !== undefined){
if(typeof data.isWatermarkBranded !== "boolean"){
const err3 = {instancePath:instancePath+"/isWatermarkBranded",schemaPath:"#/properties/isWatermarkBranded/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.isStylesBranded !== undefined){
if(typeof data.isStylesBranded !== "boolean"){
const err4 = {instancePath:instancePath+"/isStylesBranded",schemaPath:"#/properties/isStylesBranded/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.plugins !== undefined){
let data4 = data.plugins;
if(Array.isArray(data4)){
const len0 = data4.length;
for(let i0=0; i0<len0; i0++){
let data5 = data4[i0];
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
if(data5.id === undefined){
const err5 = {instancePath:instancePath+"/plugins/" + i0,schemaPath:"#/definitions/webapp3Plugin/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data5.src === undefined){
const err6 = {instancePath:instancePath+"/plugins/" + i0,schemaPath:"#/definitions/webapp3Plugin/required",keyword:"required",params:{missingProperty: "src"},message:"must have required property '"+"src"+"'"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
for(const key1 in data5){
if(!(((key1 === "id") || (key1 === "src")) || (key1 === "sandboxValues"))){
const err7 = {instancePath:instancePath+"/plugins/" + i0,schemaPath:"#/definitions/webapp3Plugin/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data5.id !== undefined){
let data6 = data5.id;
if(typeof data6 === "string"){
if(func2(data6) < 1){
const err8 = {instancePath:instancePath+"/plugins/" + i0+"/id",schemaPath:"#/definitions/webapp3Plugin/properties/id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/plugins/" + i0+"/id",schemaPath:"#/definitions/webapp3Plugin/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data5.src !== undefined){
let data7 = data5.src;
if(typeof data7 === "string"){
if(func2(data7) < 1){
const err10 = {instancePath:instancePath+"/plugins/" + i0+"/src",schemaPath:"#/definitions/webapp3Plugin/properties/src/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
else {
const err11 = {instancePath:instancePath+"/plugins/" + i0+"/src",schemaPath:"#/definitions/webapp3Plugin/properties/src/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data5.sandboxValues !== undefined){
let data8 = data5.sandboxValues;
if(Array.isArray(data8)){
const len1 = data8.length;
for(let i1=0; i1<len1; i1++){
let data9 = data8[i1];
if(typeof data9 === "string"){
if(!pattern1.test(data9)){
const err12 = {instancePath:instancePath+"/plugins/" + i0+"/sandboxValues/" + i1,schemaPath:"#/definitions/webapp3Plugin/properties/sandboxValues/items/pattern",keyword:"pattern",params:{pattern: "^allow-[a-z-]+$"},message:"must match pattern \""+"^allow-[a-z-]+$"+"\""};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
else {
const err13 = {instancePath:instancePath+"/plugins/" + i0+"/sandboxValues/" + i1,schemaPath:"#/definitions/webapp3Plugin/properties/sandboxValues/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
else {
const err14 = {instancePath:instancePath+"/plugins/" + i0+"/sandboxValues",schemaPath:"#/definitions/webapp3Plugin/properties/sandboxValues/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
}
else {
const err15 = {instancePath:instancePath+"/plugins/" + i0,schemaPath:"#/definitions/webapp3Plugin/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
}
else {
const err16 = {instancePath:instancePath+"/plugins",schemaPath:"#/properties/plugins/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
for(const key2 in data){
if(pattern0.test(key2)){
if(typeof data[key2] !== "boolean"){
const err17 = {instancePath:instancePath+"/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/patternProperties/%5Eis%5BA-Z%5D%5BA-Za-z0-9%5D*Branded%24/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
}
}
else {
const err18 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
validate10.errors = vErrors;
return errors === 0;
}

export const validateSettings = validate11;
const schema13 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"settings.schema.json","type":"object","properties":{"plugins":{"type":"array","items":{"$ref":"#/definitions/pluginEntry"}}},"definitions":{"pluginEntry":{"type":"object","required":["id","srcURL","enabled"],"properties":{"id":{"type":"string","minLength":1},"srcURL":{"type":"string","minLength":1},"enabled":{"type":"boolean"}},"additionalProperties":false}}};
const schema14 = {"type":"object","required":["id","srcURL","enabled"],"properties":{"id":{"type":"string","minLength":1},"srcURL":{"type":"string","minLength":1},"enabled":{"type":"boolean"}},"additionalProperties":false};

function validate11(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="settings.schema.json" */;
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.plugins !== undefined){
let data0 = data.plugins;
if(Array.isArray(data0)){
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
let data1 = data0[i0];
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
if(data1.id === undefined){
const err0 = {instancePath:instancePath+"/plugins/" + i0,schemaPath:"#/definitions/pluginEntry/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data1.srcURL === undefined){
const err1 = {instancePath:instancePath+"/plugins/" + i0,schemaPath:"#/definitions/pluginEntry/required",keyword:"required",params:{missingProperty: "srcURL"},message:"must have required property '"+"srcURL"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data1.enabled === undefined){
const err2 = {instancePath:instancePath+"/plugins/" + i0,schemaPath:"#/definitions/pluginEntry/required",keyword:"required",params:{missingProperty: "enabled"},message:"must have required property '"+"enabled"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
for(const key0 in data1){
if(!(((key0 === "id") || (key0 === "srcURL")) || (key0 === "enabled"))){
const err3 = {instancePath:instancePath+"/plugins/" + i0,schemaPath:"#/definitions/pluginEntry/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data1.id !== undefined){
let data2 = data1.id;
if(typeof data2 === "string"){
if(func2(data2) < 1){
const err4 = {instancePath:instancePath+"/plugins/" + i0+"/id",schemaPath:"#/definitions/pluginEntry/properties/id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/plugins/" + i0+"/id",schemaPath:"#/definitions/pluginEntry/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data1.srcURL !== undefined){
let data3 = data1.srcURL;
if(typeof data3 === "string"){
if(func2(data3) < 1){
const err6 = {instancePath:instancePath+"/plugins/" + i0+"/srcURL",schemaPath:"#/definitions/pluginEntry/properties/srcURL/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
else {
const err7 = {instancePath:instancePath+"/plugins/" + i0+"/srcURL",schemaPath:"#/definitions/pluginEntry/properties/srcURL/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data1.enabled !== undefined){
if(typeof data1.enabled !== "boolean"){
const err8 = {instancePath:instancePath+"/plugins/" + i0+"/enabled",schemaPath:"#/definitions/pluginEntry/properties/enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
else {
const err9 = {instancePath:instancePath+"/plugins/" + i0,schemaPath:"#/definitions/pluginEntry/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
else {
const err10 = {instancePath:instancePath+"/plugins",schemaPath:"#/properties/plugins/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
else {
const err11 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
validate11.errors = vErrors;
return errors === 0;
}

export const validatePackage = validate12;
const schema15 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"package.schema.json","type":"object","required":["id","name","srcURL"],"properties":{"id":{"type":"string","minLength":1},"name":{"type":"string"},"description":{"type":"string"},"version":{"type":["number","string"]},"srcURL":{"type":"string","minLength":1},"allowUnload":{"type":"boolean"},"platforms":{"type":"array","items":{"enum":["web","electron","ios","android"]}},"participantRoles":{"type":"array","items":{"enum":["chair","guest"]}},"menuItems":{"type":"object","properties":{"toolbar":{"$ref":"#/definitions/menuItemList"},"conference":{"$ref":"#/definitions/menuItemList"},"participants":{"$ref":"#/definitions/menuItemList"}},"additionalProperties":false},"configuration":{}},"additionalProperties":false,"definitions":{"menuItemList":{"type":"array","items":{"$ref":"#/definitions/menuItem"}},"menuItem":{"type":"object","required":["action"],"properties":{"id":{"type":"string"},"icon":{"type":["string","null"]},"label":{"type":["string","null"]},"action":{"type":"string","minLength":1}},"additionalProperties":false}}};
const func6 = Object.prototype.hasOwnProperty;
const schema16 = {"type":"array","items":{"$ref":"#/definitions/menuItem"}};
const schema17 = {"type":"object","required":["action"],"properties":{"id":{"type":"string"},"icon":{"type":["string","null"]},"label":{"type":["string","null"]},"action":{"type":"string","minLength":1}},"additionalProperties":false};

function validate13(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(Array.isArray(data)){
const len0 = data.length;
for(let i0=0; i0<len0; i0++){
let data0 = data[i0];
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
if(data0.action === undefined){
const err0 = {instancePath:instancePath+"/" + i0,schemaPath:"#/definitions/menuItem/required",keyword:"required",params:{missingProperty: "action"},message:"must have required property '"+"action"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data0){
if(!((((key0 === "id") || (key0 === "icon")) || (key0 === "label")) || (key0 === "action"))){
const err1 = {instancePath:instancePath+"/" + i0,schemaPath:"#/definitions/menuItem/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data0.id !== undefined){
if(typeof data0.id !== "string"){
const err2 = {instancePath:instancePath+"/" + i0+"/id",schemaPath:"#/definitions/menuItem/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data0.icon !== undefined){
let data2 = data0.icon;
if((typeof data2 !== "string") && (data2 !== null)){
const err3 = {instancePath:instancePath+"/" + i0+"/icon",schemaPath:"#/definitions/menuItem/properties/icon/type",keyword:"type",params:{type: schema17.properties.icon.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data0.label !== undefined){
let data3 = data0.label;
if((typeof data3 !== "string") && (data3 !== null)){
const err4 = {instancePath:instancePath+"/" + i0+"/label",schemaPath:"#/definitions/menuItem/properties/label/type",keyword:"type",params:{type: schema17.properties.label.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data0.action !== undefined){
let data4 = data0.action;
if(typeof data4 === "string"){
if(func2(data4) < 1){
const err5 = {instancePath:instancePath+"/" + i0+"/action",schemaPath:"#/definitions/menuItem/properties/action/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/" + i0+"/action",schemaPath:"#/definitions/menuItem/properties/action/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
else {
const err7 = {instancePath:instancePath+"/" + i0,schemaPath:"#/definitions/menuItem/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
else {
const err8 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
validate13.errors = vErrors;
return errors === 0;
}


function validate12(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="package.schema.json" */;
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.id === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.name === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.srcURL === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "srcURL"},message:"must have required property '"+"srcURL"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
for(const key0 in data){
if(!(func6.call(schema15.properties, key0))){
const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.id !== undefined){
let data0 = data.id;
if(typeof data0 === "string"){
if(func2(data0) < 1){
const err4 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.name !== undefined){
if(typeof data.name !== "string"){
const err6 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.description !== undefined){
if(typeof data.description !== "string"){
const err7 = {instancePath:instancePath+"/description",schemaPath:"#/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.version !== undefined){
let data3 = data.version;
if((!((typeof data3 == "number") && (isFinite(data3)))) && (typeof data3 !== "string")){
const err8 = {instancePath:instancePath+"/version",schemaPath:"#/properties/version/type",keyword:"type",params:{type: schema15.properties.version.type},message:"must be number,string"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.srcURL !== undefined){
let data4 = data.srcURL;
if(typeof data4 === "string"){
if(func2(data4) < 1){
const err9 = {instancePath:instancePath+"/srcURL",schemaPath:"#/properties/srcURL/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
else {
const err10 = {instancePath:instancePath+"/srcURL",schemaPath:"#/properties/srcURL/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.allowUnload !== undefined){
if(typeof data.allowUnload !== "boolean"){
const err11 = {instancePath:instancePath+"/allowUnload",schemaPath:"#/properties/allowUnload/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.platforms !== undefined){
let data6 = data.platforms;
if(Array.isArray(data6)){
const len0 = data6.length;
for(let i0=0; i0<len0; i0++){
let data7 = data6[i0];
if(!((((data7 === "web") || (data7 === "electron")) || (data7 === "ios")) || (data7 === "android"))){
const err12 = {instancePath:instancePath+"/platforms/" + i0,schemaPath:"#/properties/platforms/items/enum",keyword:"enum",params:{allowedValues: schema15.properties.platforms.items.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
else {
const err13 = {instancePath:instancePath+"/platforms",schemaPath:"#/properties/platforms/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.participantRoles !== undefined){
let data8 = data.participantRoles;
if(Array.isArray(data8)){
const len1 = data8.length;
for(let i1=0; i1<len1; i1++){
let data9 = data8[i1];
if(!((data9 === "chair") || (data9 === "guest"))){
const err14 = {instancePath:instancePath+"/participantRoles/" + i1,schemaPath:"#/properties/participantRoles/items/enum",keyword:"enum",params:{allowedValues: schema15.properties.participantRoles.items.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
}
else {
const err15 = {instancePath:instancePath+"/participantRoles",schemaPath:"#/properties/participantRoles/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.menuItems !== undefined){
let data10 = data.menuItems;
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
for(const key1 in data10){
if(!(((key1 === "toolbar") || (key1 === "conference")) || (key1 === "participants"))){
const err16 = {instancePath:instancePath+"/menuItems",schemaPath:"#/properties/menuItems/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data10.toolbar !== undefined){
if(!(validate13(data10.toolbar, {instancePath:instancePath+"/menuItems/toolbar",parentData:data10,parentDataProperty:"toolbar",rootData}))){
vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);
errors = vErrors.length;
}
}
if(data10.conference !== undefined){
if(!(validate13(data10.conference, {instancePath:instancePath+"/menuItems/conference",parentData:data10,parentDataProperty:"conference",rootData}))){
vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);
errors = vErrors.length;
}
}
if(data10.participants !== undefined){
if(!(validate13(data10.participants, {instancePath:instancePath+"/menuItems/participants",parentData:data10,parentDataProperty:"participants",rootData}))){
vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);
errors = vErrors.length;
}
}
}
else {
const err17 = {instancePath:instancePath+"/menuItems",schemaPath:"#/properties/menuItems/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
}
else {
const err18 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
validate12.errors = vErrors;
return errors === 0;
}

function ucs2length(str) {
  let length = 0;
  for (let pos = 0; pos < str.length; length++) {
    const code = str.charCodeAt(pos++);
    if (code >= 0xd800 && code <= 0xdbff && pos < str.length && (str.charCodeAt(pos) & 0xfc00) === 0xdc00) pos++;
  }
  return length;
}
